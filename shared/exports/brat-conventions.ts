// How brat standoff things that have no Gloss counterpart are kept in a sidecar, so that a brat
// file imported into Gloss exports back to an equivalent one (docs/EXPORTS.md, "brat"). Each is
// an annotation attribute or link whose name starts with `brat:`; the app keeps them (it never
// drops attributes or links it does not know) and the brat exporter turns them back.
import type { AttributeDefinition } from '../tags.js';

/** Attribute on each fragment of a discontinuous span: the id of its first fragment's annotation. */
export const BRAT_GROUP = 'brat:group';
/** Link from an event's annotation to its trigger's. */
export const BRAT_TRIGGER = 'brat:trigger';
/** Link type prefix for an event's arguments: `brat:arg:Theme`. */
export const BRAT_ARG = 'brat:arg:';
/** Link type prefix for equivalences: `brat:equiv:Equiv`, from the first member to each other. */
export const BRAT_EQUIV = 'brat:equiv:';
/** Attribute name prefix for normalizations: `brat:norm:Reference:Wikipedia:534366` → the normalization's text. */
export const BRAT_NORM = 'brat:norm:';
/**
 * Attribute name prefix for what brat attaches to a relation, kept on the relation's source
 * annotation: `brat:relation:<type>:<target id>:roles` (when the roles are not Arg1/Arg2),
 * `…:A:<name>` (an attribute, `true` when binary) and `…:#<type>` (a note of that type).
 */
export const BRAT_RELATION = 'brat:relation:';
/** The brat note type that is Gloss's note. */
export const ANNOTATOR_NOTES = 'AnnotatorNotes';
/** A binary brat attribute is a Gloss `choice` attribute with this single option; present = this value. */
export const BINARY_VALUE = 'true';

const BRAT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The name an attribute has in brat: its label when that is a brat-safe token, else its id. */
export function bratAttributeName(definition: AttributeDefinition): string {
  return BRAT_NAME.test(definition.label) ? definition.label : definition.id;
}

/** A tag id or name as a brat type: whitespace and brat's separators replaced by `_`. */
export function bratSafe(name: string): string {
  return name.replace(/[\s:;|,=]/g, '_') || '_';
}

/** Whether a choice attribute definition is a brat binary attribute. */
export function isBinaryDefinition(definition: AttributeDefinition | undefined): boolean {
  return definition?.kind === 'choice' && definition.options?.length === 1 && definition.options[0] === BINARY_VALUE;
}

export function relationKey(type: string, target: string): string {
  return `${BRAT_RELATION}${type}:${target}:`;
}
