// The tags an analyst marks text with. Issue-level defaults live here so that the reader, the
// sidecar format and later the tag-set file all agree on ids, labels, keys and colours.

export interface TagDefinition {
  /** Stable id stored in sidecars (`claim`, `quote`, `denial`, or a user's own). */
  id: string;
  /** Label shown in the UI. */
  label: string;
  /** Highlight colour, `#rrggbb`. */
  color: string;
  /** Key that applies the tag to the current selection. */
  key: string;
}

export const DEFAULT_TAGS: readonly TagDefinition[] = [
  { id: 'claim', label: 'Claim', color: '#e0a800', key: '1' },
  { id: 'quote', label: 'Quote', color: '#2f7fd8', key: '2' },
  { id: 'denial', label: 'Denial', color: '#d9483b', key: '3' },
];

/** The tag with this id, or a neutral stand-in so an unknown tag is still shown, never dropped. */
export function tagById(tags: readonly TagDefinition[], id: string): TagDefinition {
  return tags.find((t) => t.id === id) ?? { id, label: id, color: '#8a8a8a', key: '' };
}
