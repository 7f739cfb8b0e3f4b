// The suggestions slice: what the offline engine proposed for the open document and the analyst
// has not yet accepted or rejected, the one under review, and the rejected ones (remembered in
// the sidecar, so they are not proposed again). Accepting turns a suggestion into an ordinary
// annotation with its attributes (speaker, cue…) and, for a denial, the link to the claim it
// answers once that claim is an annotation too.
import type { StateCreator } from 'zustand/vanilla';
import { compareByPosition, createAnnotation, reviseAnnotation } from '../../shared/annotations.js';
import type { Suggestion } from '../../shared/suggestions/types.js';
import type { Annotation, RejectedSuggestion } from '../../shared/sidecar-format.js';
import { withLink } from '../../shared/links.js';
import type { GlossState } from './gloss-store.js';

export interface SuggestionsSlice {
  /** Pending suggestions, in text order; null when Suggest has not run for this document. */
  suggestions: Suggestion[] | null;
  currentSuggestion: string | null;
  /** Rejected suggestions of the open document (saved in its sidecar). */
  rejectedSuggestions: RejectedSuggestion[];
  /** The list as last saved (by identity): autosave sends the list when it differs. */
  savedRejectedSuggestions: RejectedSuggestion[];
  /** Accepted suggestion id → the annotation it became (for links between accepted suggestions). */
  acceptedAs: Record<string, string>;
  /** Links of accepted denials to claims still pending: made when the claim is accepted. */
  pendingLinks: { from: string; type: string; targetSuggestion: string }[];
  suggesting: boolean;

  setSuggesting(on: boolean): void;
  /** Show the engine's suggestions, leaving out rejected ones and those already annotated. */
  setSuggestions(all: Suggestion[]): void;
  clearSuggestions(): void;
  focusSuggestion(id: string | null): void;
  /** Move to the next (+1) or previous (-1) suggestion; returns it. */
  stepSuggestion(direction: 1 | -1): Suggestion | null;
  acceptSuggestions(ids: string[]): void;
  rejectSuggestions(ids: string[]): void;
  markRejectedSaved(list: RejectedSuggestion[]): void;
}

/** Already annotated: an annotation with the same tag covering nearly the same span. */
function alreadyAnnotated(s: Suggestion, annotations: readonly Annotation[]): boolean {
  return annotations.some((a) => a.tag === s.tag && Math.min(a.end, s.end) - Math.max(a.start, s.start) >= 0.8 * Math.max(a.end - a.start, s.end - s.start));
}

const isRejected = (s: Suggestion, rejected: readonly RejectedSuggestion[]) => rejected.some((r) => r.tag === s.tag && r.exact === s.exact);

export const createSuggestionsSlice: StateCreator<GlossState, [], [], SuggestionsSlice> = (set, get) => ({
  suggestions: null,
  currentSuggestion: null,
  rejectedSuggestions: [],
  savedRejectedSuggestions: [],
  acceptedAs: {},
  pendingLinks: [],
  suggesting: false,

  setSuggesting: (suggesting) => set({ suggesting }),

  setSuggestions: (all) => {
    const s = get();
    const pending = all.filter((x) => !isRejected(x, s.rejectedSuggestions) && !alreadyAnnotated(x, s.annotations)).sort(compareByPosition);
    set({ suggestions: pending, currentSuggestion: pending[0]?.id ?? null, suggesting: false });
  },

  clearSuggestions: () => set({ suggestions: null, currentSuggestion: null, suggesting: false }),

  focusSuggestion: (id) => set(id ? { currentSuggestion: id, selectedId: null } : { currentSuggestion: null }),

  stepSuggestion: (direction) => {
    const { suggestions, currentSuggestion } = get();
    if (!suggestions?.length) return null;
    const index = suggestions.findIndex((x) => x.id === currentSuggestion);
    const next = suggestions[index < 0 ? 0 : (index + direction + suggestions.length) % suggestions.length]!;
    set({ currentSuggestion: next.id, selectedId: null });
    return next;
  },

  acceptSuggestions: (ids) => {
    const s = get();
    if (!s.document || s.document.readOnlyReason || !s.suggestions) return;
    const chosen = s.suggestions.filter((x) => ids.includes(x.id));
    if (chosen.length === 0) return;
    const acceptedAs = { ...s.acceptedAs };
    const created: Annotation[] = chosen.map((x) => {
      const a = { ...createAnnotation(s.document!.text, { tag: x.tag, start: x.start, end: x.end }), attributes: { ...x.attributes } };
      acceptedAs[x.id] = a.id;
      return a;
    });
    // A denial links to the claim it answers as soon as both are annotations: accepted together,
    // the claim earlier (acceptedAs), or the claim later (pendingLinks, completed below).
    const byId = new Map(created.map((a) => [a.id, a]));
    const pendingLinks = [...s.pendingLinks];
    for (const x of chosen) {
      for (const link of x.links ?? []) {
        const from = acceptedAs[x.id]!;
        const to = acceptedAs[link.target];
        if (to) byId.set(from, { ...byId.get(from)!, links: withLink(byId.get(from)!, { type: link.type, target: to }) });
        else pendingLinks.push({ from, type: link.type, targetSuggestion: link.target });
      }
    }
    const changedExisting: { before: Annotation; after: Annotation }[] = [];
    for (const pending of s.pendingLinks) {
      const to = acceptedAs[pending.targetSuggestion];
      const before = to && !byId.has(pending.from) ? s.annotations.find((a) => a.id === pending.from) : undefined;
      if (!to || !before) continue;
      changedExisting.push({ before, after: reviseAnnotation(before, { links: withLink(before, { type: pending.type, target: to }) }) });
      pendingLinks.splice(pendingLinks.indexOf(pending), 1);
    }
    const remaining = s.suggestions.filter((x) => !ids.includes(x.id));
    s.applyAnnotationChange(
      [...changedExisting.map((c) => c.before)],
      [...byId.values(), ...changedExisting.map((c) => c.after)],
      { suggestions: remaining, acceptedAs, pendingLinks, currentSuggestion: nextAfter(s.suggestions, remaining, s.currentSuggestion) },
    );
  },

  rejectSuggestions: (ids) => {
    const s = get();
    if (!s.document || s.document.readOnlyReason || !s.suggestions) return;
    const chosen = s.suggestions.filter((x) => ids.includes(x.id));
    if (chosen.length === 0) return;
    const remaining = s.suggestions.filter((x) => !ids.includes(x.id));
    set({
      suggestions: remaining,
      currentSuggestion: nextAfter(s.suggestions, remaining, s.currentSuggestion),
      rejectedSuggestions: [...s.rejectedSuggestions, ...chosen.map((x) => ({ tag: x.tag, start: x.start, end: x.end, exact: x.exact, rule: x.rule }))],
      revision: s.revision + 1,
    });
  },

  markRejectedSaved: (list) => set({ savedRejectedSuggestions: list }),
});

/** After some suggestions left the list, the one to review next: the first remaining after the current one. */
function nextAfter(before: readonly Suggestion[], remaining: readonly Suggestion[], current: string | null): string | null {
  if (remaining.length === 0) return null;
  if (current && remaining.some((x) => x.id === current)) return current;
  const index = Math.max(0, before.findIndex((x) => x.id === current));
  const after = before.slice(index).find((x) => remaining.includes(x));
  return (after ?? remaining[remaining.length - 1]!).id;
}
