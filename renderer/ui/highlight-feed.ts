// What the reader's highlight plugin is told about a store state: the annotations, which are
// orphaned (not painted), fuzzy (painted as awaiting review) and linked (marked), the selection,
// and how a highlight is named for screen readers. The orphaned, fuzzy and linked sets are kept
// from change to change and rebuilt only when what they derive from changed, so a tag key does
// not rescan 10,000 annotations. The reader of the open document and the key rehearsal both
// take their input from here.
import type { Annotation } from '../../shared/sidecar-format.js';
import { tagById } from '../../shared/tags.js';
import type { HighlightInput } from '../reader/highlight-plugin.js';
import type { GlossState, GlossStore } from '../state/gloss-store.js';

function idsWith(anchors: GlossState['anchors'], status: 'orphaned' | 'fuzzy'): Set<string> {
  return new Set(Object.entries(anchors).filter(([, note]) => note.status === status).map(([id]) => id));
}

/** Ids that carry a link marker: they link to something, or something links to them. */
function linkedIds(s: GlossState): Set<string> {
  const ids = new Set<string>();
  const path = s.document?.path;
  for (const a of s.annotations) {
    if (a.links.length === 0) continue;
    ids.add(a.id);
    for (const l of a.links) if ((l.file ?? path) === path) ids.add(l.target);
  }
  for (const l of s.externalLinks) ids.add(l.target);
  return ids;
}

/**
 * Whether a change of the annotation list can change which ids carry link markers. The list is
 * immutable and kept in order, so the change lies between the unchanged head and tail (found by
 * identity); a change there that adds or removes no link, and removes no link target, leaves the
 * markers as they are. Saves a scan of 10,000 annotations on most tag and delete keys.
 */
function mayChangeLinked(prev: readonly Annotation[], next: readonly Annotation[], linked: ReadonlySet<string>): boolean {
  let head = 0;
  const shorter = Math.min(prev.length, next.length);
  while (head < shorter && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < shorter - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  for (let i = head; i < prev.length - tail; i++) if (prev[i]!.links.length > 0 || linked.has(prev[i]!.id)) return true;
  for (let i = head; i < next.length - tail; i++) if (next[i]!.links.length > 0 || linked.has(next[i]!.id)) return true;
  return false;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export class HighlightFeed {
  private hidden: Set<string>;
  private fuzzy: Set<string>;
  private linked: Set<string>;

  constructor(private readonly store: GlossStore) {
    const s = store.getState();
    this.hidden = idsWith(s.anchors, 'orphaned');
    this.fuzzy = idsWith(s.anchors, 'fuzzy');
    this.linked = linkedIds(s);
  }

  /** The highlight input for state `s` (as last brought up to date by `changed`). */
  input(s: GlossState): Omit<HighlightInput, 'flashId'> {
    return { annotations: s.annotations, hidden: this.hidden, fuzzy: this.fuzzy, linked: this.linked, selectedId: s.selectedId, describe: this.describe };
  }

  /** Bring the sets up to date with a store change; true when the highlights must be repainted. */
  changed(s: GlossState, prev: GlossState): boolean {
    if (s.anchors !== prev.anchors) {
      this.hidden = idsWith(s.anchors, 'orphaned');
      this.fuzzy = idsWith(s.anchors, 'fuzzy');
    }
    if (s.externalLinks !== prev.externalLinks || (s.annotations !== prev.annotations && mayChangeLinked(prev.annotations, s.annotations, this.linked))) {
      const next = linkedIds(s);
      if (!sameSet(next, this.linked)) this.linked = next;
    }
    return s.annotations !== prev.annotations || s.selectedId !== prev.selectedId || s.anchors !== prev.anchors || s.externalLinks !== prev.externalLinks;
  }

  private readonly describe = (a: Annotation): string => {
    const tags = this.store.getState().tags;
    const person = a.attributes.speaker ?? a.attributes.claimant ?? a.attributes.denier;
    const text = a.exact.length > 60 ? `${a.exact.slice(0, 60)}…` : a.exact;
    return `${tagById(tags, a.tag).label}${person ? ` (${person})` : ''}: ${text}`;
  };
}
