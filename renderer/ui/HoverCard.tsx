// What is under the pointer in the reader: every annotation covering that point, innermost first,
// with its tag, text, who said it and its links, so overlapping annotations stay readable.
import { tagById } from '../../shared/tags.js';
import { useGloss } from './session-context.js';

export interface HoverState {
  ids: string[];
  x: number;
  y: number;
}

const PERSON_KEYS = ['speaker', 'claimant', 'denier'];

export function HoverCard({ ids, x, y }: HoverState) {
  const annotations = useGloss((s) => s.annotations);
  const tags = useGloss((s) => s.tags);
  const selectedId = useGloss((s) => s.selectedId);
  const shown = ids.map((id) => annotations.find((a) => a.id === id)).filter((a) => a !== undefined);
  if (shown.length === 0) return null;
  const below = y < window.innerHeight * 0.6;
  return (
    <div className="hover-card" role="tooltip" data-testid="hover-card" style={{ left: Math.min(x + 12, window.innerWidth - 340), top: below ? y + 18 : undefined, bottom: below ? undefined : window.innerHeight - y + 12 }}>
      {shown.length > 1 && <p className="hover-count">{shown.length} annotations here</p>}
      <ul>
        {shown.map((a) => {
          const tag = tagById(tags, a.tag);
          const person = PERSON_KEYS.map((k) => a.attributes[k]).find(Boolean);
          return (
            <li key={a.id} data-tag={a.tag} className={a.id === selectedId ? 'active' : undefined}>
              <span className="swatch" aria-hidden="true" />
              <strong>{tag.label}</strong>
              {person && <span className="hover-person"> · {person}</span>}
              {a.links.length > 0 && <span className="hover-links"> · {a.links.length} link{a.links.length === 1 ? '' : 's'}</span>}
              <span className="hover-text">{a.exact.length > 120 ? `${a.exact.slice(0, 120)}…` : a.exact}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
