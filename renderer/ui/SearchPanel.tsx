// Search across every annotation of the folder: words (in the annotated text, notes and
// attributes), tags, who said it, the verdict, notes; the filters combine. Hits show the span in
// its context and open the article at that span. The list is virtualized; the host searches its
// folder index, so a query over 200,000 annotations answers in milliseconds.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { VERDICTS, tagById } from '../../shared/tags.js';
import { useApp, useGloss } from './session-context.js';

const ROW_HEIGHT = 74;

export function SearchPanel() {
  const { session } = useApp();
  const store = session.store;
  const filters = useGloss((s) => s.filters);
  const results = useGloss((s) => s.searchResults);
  const searching = useGloss((s) => s.searching);
  const tags = useGloss((s) => s.tags);
  const [people, setPeople] = useState<string[]>([]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const hits = results?.results ?? [];
  const virtualizer = useVirtualizer({ count: hits.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  // Search as the filters change (a short pause while typing).
  useEffect(() => {
    const timer = setTimeout(() => void session.search(), 150);
    return () => clearTimeout(timer);
  }, [filters, session]);

  useEffect(() => {
    let live = true;
    void session.loadStatistics().then(() => {
      const stats = store.getState().statistics;
      if (live && stats) setPeople(Object.entries(stats.byPerson).sort((a, b) => sum(b[1]) - sum(a[1])).map(([name]) => name));
    });
    return () => {
      live = false;
    };
  }, [session, store]);

  const set = store.getState().setFilters;
  return (
    <div className="search-panel" id="panel-search" role="tabpanel" aria-labelledby="tab-search">
      <form className="search-filters" role="search" aria-label="Search the folder's annotations" onSubmit={(e) => e.preventDefault()}>
        <input type="search" aria-label="Words" placeholder="Words in text, notes, attributes…" value={filters.text} onChange={(e) => set({ text: e.target.value })} autoFocus />
        <div className="search-tags" role="group" aria-label="Tags">
          {tags.map((t) => (
            <button
              key={t.id}
              type="button"
              data-tag={t.id}
              aria-pressed={filters.tags.includes(t.id)}
              onClick={() => set({ tags: filters.tags.includes(t.id) ? filters.tags.filter((x) => x !== t.id) : [...filters.tags, t.id] })}
            >
              <span className="swatch" aria-hidden="true" />
              {t.label}
            </button>
          ))}
        </div>
        <input aria-label="Said by (speaker, claimant or denier)" placeholder="Said by…" list="search-people" value={filters.person} onChange={(e) => set({ person: e.target.value })} />
        <datalist id="search-people">
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <select aria-label="Verdict" value={filters.attributes.verdict ?? ''} onChange={(e) => set({ attributes: { ...filters.attributes, verdict: e.target.value } })}>
          <option value="">Any verdict</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <input aria-label="Note contains" placeholder="Note contains…" value={filters.note} onChange={(e) => set({ note: e.target.value })} />
        {filters.files.length > 0 && (
          <p className="search-files">
            In {filters.files.join(', ')}{' '}
            <button type="button" onClick={() => set({ files: [] })}>
              × all articles
            </button>
          </p>
        )}
      </form>
      <p className="search-summary" role="status">
        {searching ? 'Searching…' : results ? `${results.total.toLocaleString()} annotation${results.total === 1 ? '' : 's'}${results.total > hits.length ? ` (first ${hits.length.toLocaleString()} shown)` : ''} · ${results.millis} ms` : 'Type words or choose a tag or person.'}
      </p>
      <div className="search-results" ref={scrollRef}>
        <ul role="list" aria-label="Search results" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const hit = hits[item.index]!;
            const person = hit.attributes.speaker ?? hit.attributes.claimant ?? hit.attributes.denier;
            return (
              <li key={`${hit.file}#${hit.id}`} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <button type="button" className="search-hit" data-tag={hit.tag} onClick={() => void session.openAt(hit.file, hit.id)}>
                  <span className="hit-head">
                    <span className="swatch" aria-hidden="true" />
                    {tagById(tags, hit.tag).label}
                    {person ? ` · ${person}` : ''} · <span className="hit-file">{hit.file}</span>
                  </span>
                  <span className="hit-context">
                    …{hit.prefix}
                    <mark>{hit.exact}</mark>
                    {hit.suffix}…
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
