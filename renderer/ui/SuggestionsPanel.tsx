// Reviewing suggestions: the one under review (its tag, attributes, confidence and the rule that
// proposed it) with Accept and Reject, counts per tag with "accept all above a confidence", and
// the choice to run Suggest whenever an article opens.
import { useMemo, useState } from 'react';
import { tagById } from '../../shared/tags.js';
import { SUGGEST_ON_OPEN_KEY } from '../state/gloss-session.js';
import { useApp, useGloss } from './session-context.js';

const TAGS = ['quote', 'claim', 'denial'] as const;

export function SuggestionsPanel() {
  const { session } = useApp();
  const store = session.store;
  const suggestions = useGloss((s) => s.suggestions);
  const currentId = useGloss((s) => s.currentSuggestion);
  const suggesting = useGloss((s) => s.suggesting);
  const tags = useGloss((s) => s.tags);
  const [threshold, setThreshold] = useState(80);
  const [onOpen, setOnOpen] = useState(() => {
    try {
      return localStorage.getItem(SUGGEST_ON_OPEN_KEY) === 'true';
    } catch {
      return false;
    }
  });
  const current = useMemo(() => suggestions?.find((x) => x.id === currentId) ?? null, [suggestions, currentId]);
  if (suggesting) return <section className="suggestions" aria-label="Suggestions">Finding suggestions…</section>;
  if (!suggestions) return null;
  const index = current ? suggestions.indexOf(current) + 1 : 0;
  return (
    <section className="suggestions" aria-label="Suggestions">
      <h3>
        Suggestions <span className="count">{suggestions.length}</span>
      </h3>
      {current ? (
        <div className="suggestion-current" data-tag={current.tag} data-testid="suggestion-current">
          <p className="suggestion-meta">
            <span className="swatch" aria-hidden="true" />
            {tagById(tags, current.tag).label} · {index} of {suggestions.length} · {Math.round(current.confidence * 100)}%
          </p>
          <blockquote>{current.exact.length > 200 ? `${current.exact.slice(0, 200)}…` : current.exact}</blockquote>
          {Object.keys(current.attributes).length > 0 && (
            <dl className="suggestion-attributes">
              {Object.entries(current.attributes).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="suggestion-rule">Rule: {current.rule}</p>
          <div className="suggestion-actions">
            <button type="button" className="primary" onClick={() => store.getState().acceptSuggestions([current.id])}>
              Accept <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={() => store.getState().rejectSuggestions([current.id])}>
              Reject <kbd>⌫</kbd>
            </button>
            <button type="button" onClick={() => store.getState().stepSuggestion(1)}>
              Next <kbd>N</kbd>
            </button>
          </div>
        </div>
      ) : (
        suggestions.length > 0 && (
          <button type="button" onClick={() => store.getState().stepSuggestion(1)}>
            Review the first <kbd>N</kbd>
          </button>
        )
      )}
      <div className="suggestion-bulk" role="group" aria-label="Accept many">
        <label>
          Confidence at least <input type="number" min={0} max={100} step={5} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} aria-label="Confidence threshold, percent" />%
        </label>
        {TAGS.map((tag) => {
          const matching = suggestions.filter((x) => x.tag === tag && x.confidence * 100 >= threshold);
          const all = suggestions.filter((x) => x.tag === tag).length;
          return (
            <button key={tag} type="button" data-tag={tag} disabled={matching.length === 0} onClick={() => store.getState().acceptSuggestions(matching.map((x) => x.id))}>
              Accept {matching.length} of {all} {tagById(tags, tag).label.toLowerCase()}
              {all === 1 ? '' : 's'}
            </button>
          );
        })}
      </div>
      <div className="suggestion-footer">
        <label>
          <input
            type="checkbox"
            checked={onOpen}
            onChange={(e) => {
              setOnOpen(e.target.checked);
              try {
                localStorage.setItem(SUGGEST_ON_OPEN_KEY, String(e.target.checked));
              } catch {
                // Private windows may refuse storage; the choice then lasts this session.
              }
            }}
          />{' '}
          Suggest when an article opens
        </label>
        <button type="button" onClick={() => store.getState().clearSuggestions()}>
          Hide suggestions
        </button>
      </div>
    </section>
  );
}
