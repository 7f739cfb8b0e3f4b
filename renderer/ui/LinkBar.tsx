// Linking mode: after L on a denial (or a quote), the bar above the reader asks for the claim it
// answers. The analyst clicks the claim in the text, or types to search the claims of this
// article and of every other article in the folder and picks one with the arrow keys and Enter.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FolderAnnotation } from '../../shared/contract.js';
import { linkTypesBetween } from '../../shared/links.js';
import { tagById } from '../../shared/tags.js';
import type { GlossStore } from '../state/gloss-store.js';
import { targetKey } from '../state/tags-slice.js';
import { useApp, useGloss } from './session-context.js';

/**
 * Link annotation `fromId` to the target (in this article when `file` is null). Refused with a
 * message when the tags do not allow that link.
 */
export function linkSelectedTo(store: GlossStore, fromId: string, target: { file: string | null; id: string; summary?: FolderAnnotation }): void {
  const s = store.getState();
  const from = s.annotations.find((a) => a.id === fromId);
  if (!from || !s.document) return;
  const targetTag = target.file ? target.summary?.tag : s.annotations.find((a) => a.id === target.id)?.tag;
  if (!targetTag || target.id === fromId) return;
  const type = linkTypesBetween(s.tags, from.tag, targetTag)[0];
  if (!type) {
    s.setNotice({ level: 'info', text: `A ${tagById(s.tags, from.tag).label} cannot link to a ${tagById(s.tags, targetTag).label}. Click a ${tagById(s.tags, from.tag).links?.[0]?.targetTags.map((t) => tagById(s.tags, t).label).join(' or ')}, or press Escape.` });
    return;
  }
  s.addLink(fromId, target.file ? { type: type.type, target: target.id, file: target.file } : { type: type.type, target: target.id });
  if (target.file && target.summary) s.setLinkTargets({ [targetKey(target.file, target.id)]: target.summary });
  s.setNotice({ level: 'info', text: `Linked: ${type.label.toLowerCase()} “${shorten(target.summary?.exact ?? s.annotations.find((a) => a.id === target.id)?.exact ?? '', 60)}”.` });
  s.select(fromId);
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

type Candidate = { file: string | null; summary: FolderAnnotation };

export function LinkBar() {
  const linkingFrom = useGloss((s) => s.linkingFrom);
  // Only while linking does the bar follow the annotations: otherwise every tag or delete key would render it.
  return linkingFrom ? <OpenLinkBar linkingFrom={linkingFrom} /> : null;
}

function OpenLinkBar({ linkingFrom }: { linkingFrom: string }) {
  const { session } = useApp();
  const store = session.store;
  const annotations = useGloss((s) => s.annotations);
  const tags = useGloss((s) => s.tags);
  const docPath = useGloss((s) => s.document?.path ?? '');
  const from = useMemo(() => annotations.find((a) => a.id === linkingFrom) ?? null, [annotations, linkingFrom]);
  const targetTags = useMemo(() => (from ? (tagById(tags, from.tag).links ?? []).flatMap((l) => l.targetTags) : []), [from, tags]);
  const [query, setQuery] = useState('');
  const [folderResults, setFolderResults] = useState<FolderAnnotation[]>([]);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setQuery('');
    setActive(0);
  }, [linkingFrom]);

  useEffect(() => {
    if (!from) return;
    let live = true;
    const timer = setTimeout(() => {
      void session.findInFolder(query, targetTags).then((r) => live && setFolderResults(r), () => live && setFolderResults([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [from, query, targetTags, session]);

  if (!from) return null;
  const wanted = query.trim().toLowerCase();
  const here: Candidate[] = annotations
    .filter((a) => a.id !== from.id && targetTags.includes(a.tag) && (!wanted || a.exact.toLowerCase().includes(wanted) || Object.values(a.attributes).some((v) => v.toLowerCase().includes(wanted))))
    .slice(0, 50)
    .map((a) => ({ file: null, summary: { file: docPath, id: a.id, tag: a.tag, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, attributes: a.attributes, note: a.note } }));
  const candidates = [...here, ...folderResults.map((r) => ({ file: r.file, summary: r }))];
  const pick = (c: Candidate | undefined) => c && linkSelectedTo(store, from.id, { file: c.file, id: c.summary.id, summary: c.summary });
  const fromTag = tagById(tags, from.tag);
  const targetLabel = targetTags.map((t) => tagById(tags, t).label.toLowerCase()).join(' or ');

  return (
    <div className="link-bar" role="group" aria-label="Link the selected annotation">
      <p>
        Linking the {fromTag.label.toLowerCase()} <q>{shorten(from.exact, 80)}</q>: click the {targetLabel} in the text, or find it here. <kbd>Esc</kbd> cancels.
      </p>
      <input
        ref={inputRef}
        autoFocus
        type="search"
        aria-label={`Find the ${targetLabel} to link to`}
        placeholder={`Find a ${targetLabel} in this folder…`}
        value={query}
        role="combobox"
        aria-expanded={candidates.length > 0}
        aria-controls="link-candidates"
        aria-activedescendant={candidates[active] ? `link-candidate-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(candidates.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter') pick(candidates[active]);
          else if (e.key === 'Escape') store.getState().startLinking(null);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="link-candidates" role="listbox" aria-label={`${targetLabel} to link to`} className="link-candidates">
        {candidates.length === 0 && <li className="empty">No {targetLabel} matches.</li>}
        {candidates.map((c, i) => (
          <li
            key={`${c.file ?? ''}#${c.summary.id}`}
            id={`link-candidate-${i}`}
            role="option"
            aria-selected={i === active}
            data-tag={c.summary.tag}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(c)}
          >
            <span className="swatch" aria-hidden="true" />
            <span className="candidate-text">{shorten(c.summary.exact, 110)}</span>
            <span className="candidate-where">{c.file ? c.file : 'this article'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
