// brat standoff import: an `.ann` and the text of its `.txt` → Gloss annotations, plus tag
// definitions for the brat types the tags in use do not know (kept in the sidecar's tag snapshot,
// so the app shows their attributes). Everything that can be placed is kept; what cannot (offsets
// beyond the text, references to missing annotations, unreadable lines) is reported, never dropped
// silently. The mapping is the inverse of shared/exports/brat.ts (see docs/EXPORTS.md), so an
// imported file exports back to an equivalent `.ann`.
import { compareByPosition, createAnnotation } from '../annotations.js';
import { CodePointText } from '../code-points.js';
import type { Annotation } from '../sidecar-format.js';
import { idFromLabel } from '../tag-set.js';
import type { AttributeDefinition, TagDefinition } from '../tags.js';
import {
  ANNOTATOR_NOTES,
  BINARY_VALUE,
  BRAT_ARG,
  BRAT_EQUIV,
  BRAT_GROUP,
  BRAT_NORM,
  BRAT_TRIGGER,
  bratAttributeName,
  isBinaryDefinition,
  relationKey,
} from '../exports/brat-conventions.js';
import { parseAnn, type BratLine, type BratProblem, type BratSpan } from './brat-ann.js';

export interface BratImportInput {
  /** The `.txt` as brat reads it (decoded; offsets count its code points). */
  text: string;
  ann: string;
  /** Tags already in use for this source (folder's set and sidecar snapshot): brat names are matched to their attributes first. */
  tags: readonly TagDefinition[];
  /** Id for the annotation made from brat annotation `key` (`T3`, `T3/2` for a second fragment, `E1`). Default: random UUIDs. */
  newId?: (key: string) => string;
  now?: Date;
  author?: string;
}

export interface BratImportResult {
  annotations: Annotation[];
  /** Definitions for brat types not in `tags`, and `tags` entries with the brat attributes they lacked. */
  tags: TagDefinition[];
  problems: BratProblem[];
}

/** Colours for brat types, picked by a hash of the type name so a type keeps its colour across files. */
const PALETTE = ['#7b61c4', '#2a9d8f', '#c2571a', '#5a7d2a', '#b8336a', '#3d5a80', '#8c6d1f', '#1f7a8c'];

function colorFor(type: string): string {
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

const isLineBreaks = (s: string) => s.length > 0 && /^[\r\n]+$/.test(s);

export function importBrat(input: BratImportInput): BratImportResult {
  const parsed = parseAnn(input.ann);
  const problems: BratProblem[] = [...parsed.problems];
  const text = new CodePointText(input.text);
  const now = input.now ?? new Date();
  const newId = input.newId ?? (() => globalThis.crypto.randomUUID());
  const byKind = <K extends BratLine['kind']>(k: K) => parsed.lines.filter((l): l is Extract<BratLine, { kind: K }> => l.kind === k);

  // Tag definitions: the ones given, copied so brat attributes can be added to them.
  const tags = new Map<string, TagDefinition>(input.tags.map((t) => [t.id, { ...t, attributes: [...(t.attributes ?? [])] }]));
  const touched = new Set<string>();
  const mixed = new Set<string>();
  const tagFor = (type: string): TagDefinition => {
    let tag = tags.get(type);
    if (!tag) {
      tag = { id: type, label: type, color: colorFor(type), key: '', attributes: [], links: [] };
      tags.set(type, tag);
    }
    touched.add(type);
    return tag;
  };
  /** The attribute id for brat name `name` on `tag`, adding a definition of `kind` when there is none. */
  const attributeId = (tag: TagDefinition, name: string, kind: 'binary' | 'value' | 'text', value?: string): string => {
    const list = tag.attributes!;
    let def = list.find((d) => bratAttributeName(d) === name) ?? list.find((d) => d.id === name);
    if (!def) {
      const id = idFromLabel(name, list.map((d) => d.id));
      def = kind === 'text' ? { id, label: name, kind: 'text' } : { id, label: name, kind: 'choice', options: kind === 'binary' ? [BINARY_VALUE] : [] };
      list.push(def);
      touched.add(tag.id);
    }
    const definedBinary = isBinaryDefinition(def);
    if (def.kind === 'choice' && def.options?.length && ((kind === 'binary' && !definedBinary) || (kind === 'value' && definedBinary))) mixed.add(`${tag.id} ${name}`);
    if (kind === 'value' && value !== undefined && def.kind === 'choice' && !def.options?.includes(value)) {
      const updated: AttributeDefinition = { ...def, options: [...(def.options ?? []), value] };
      list[list.indexOf(def)] = updated;
      touched.add(tag.id);
      def = updated;
    }
    return def.id;
  };

  // Text-bound annotations: one Gloss annotation per piece; fragments separated only by line breaks
  // are one piece (that is how brat writes a span crossing lines), other fragments are pieces of a
  // group sharing `brat:group`.
  const made = new Map<string, Annotation>(); // brat id → head annotation (T or E)
  const all: Annotation[] = [];
  const mutable = (a: Annotation) => a as { -readonly [K in keyof Annotation]: Annotation[K] };
  for (const t of byKind('T')) {
    const bad = t.spans.find((s) => s.start > s.end || s.end > text.length);
    if (bad) {
      problems.push({ line: t.line, message: `${t.id} (${t.type}) at ${bad.start}–${bad.end} lies outside the text (${text.length} characters); not imported` });
      continue;
    }
    const covered = t.spans.map((s) => text.slice(s.start, s.end)).join(' ');
    if (t.text !== covered && t.text.trim() !== covered.trim()) {
      problems.push({ line: t.line, message: `${t.id}: the .ann says ${JSON.stringify(t.text)} but the text there is ${JSON.stringify(covered)}; imported at its offsets` });
    }
    const pieces: BratSpan[] = [];
    for (const s of t.spans) {
      const last = pieces.at(-1);
      if (last && s.start >= last.end && isLineBreaks(text.slice(last.end, s.start))) last.end = s.end;
      else pieces.push({ ...s });
    }
    const tag = tagFor(t.type);
    const group = pieces.map((p, i) => createAnnotation(text, { tag: tag.id, start: p.start, end: p.end, id: newId(i === 0 ? t.id : `${t.id}/${i + 1}`), now, author: input.author }));
    if (group.length > 1) for (const a of group) mutable(a).attributes = { [BRAT_GROUP]: group[0]!.id };
    made.set(t.id, group[0]!);
    all.push(...group);
  }

  // Events: an annotation at the trigger's place, linked to the trigger and to each argument.
  const events = byKind('E');
  for (const e of events) {
    const trigger = made.get(e.trigger);
    if (!trigger || !e.trigger.startsWith('T')) {
      problems.push({ line: e.line, message: `${e.id} (${e.type}): its trigger ${e.trigger} is not a text-bound annotation that was imported; not imported` });
      continue;
    }
    const a = createAnnotation(text, { tag: tagFor(e.type).id, start: trigger.start, end: trigger.end, id: newId(e.id), now, author: input.author });
    mutable(a).links = [{ type: BRAT_TRIGGER, target: trigger.id }];
    made.set(e.id, a);
    all.push(a);
  }
  for (const e of events) {
    const a = made.get(e.id);
    if (!a) continue;
    for (const arg of e.args) {
      const target = made.get(arg.ref);
      if (!target) problems.push({ line: e.line, message: `${e.id}: argument ${arg.role}:${arg.ref} is not an imported annotation; left out` });
      else a.links.push({ type: BRAT_ARG + arg.role, target: target.id });
    }
  }

  // Relations: a link on the first argument's annotation.
  const relations = new Map<string, { source: Annotation; prefix: string }>();
  for (const r of byKind('R')) {
    const [a1, a2] = r.args;
    const source = made.get(a1.ref);
    const target = made.get(a2.ref);
    if (!source || !target) {
      problems.push({ line: r.line, message: `${r.id} (${r.type}): ${!source ? a1.ref : a2.ref} is not an imported annotation; not imported` });
      continue;
    }
    source.links.push({ type: r.type, target: target.id });
    const prefix = relationKey(r.type, target.id);
    if (relations.size && [...relations.values()].some((x) => x.source === source && x.prefix === prefix)) {
      problems.push({ line: r.line, message: `${r.id} repeats a relation ${r.type} between the same annotations; notes or attributes of the repeat are merged with the first` });
    }
    relations.set(r.id, { source, prefix });
    if (a1.role !== 'Arg1' || a2.role !== 'Arg2') source.attributes[prefix + 'roles'] = `${a1.role} ${a2.role}`;
  }

  // Equivalences: links from the first member to each other one.
  for (const eq of byKind('*')) {
    const members = eq.members.map((m) => made.get(m));
    const missing = eq.members.filter((_, i) => !members[i]);
    if (missing.length) problems.push({ line: eq.line, message: `equivalence ${eq.type}: ${missing.join(', ')} not imported; left out of it` });
    const present = members.filter((m): m is Annotation => m !== undefined);
    for (const m of present.slice(1)) present[0]!.links.push({ type: BRAT_EQUIV + eq.type, target: m.id });
  }

  const append = (attributes: Record<string, string>, key: string, value: string) => {
    attributes[key] = key in attributes ? `${attributes[key]}\n${value}` : value;
  };

  // Attributes: on annotations, brat attributes (choice definitions); on relations, kept by convention.
  for (const at of byKind('A')) {
    const a = made.get(at.target);
    const rel = relations.get(at.target);
    if (rel) {
      rel.source.attributes[`${rel.prefix}A:${at.name}`] = at.value ?? BINARY_VALUE;
      continue;
    }
    if (!a) {
      problems.push({ line: at.line, message: `${at.id} (${at.name}): ${at.target} is not an imported annotation; not imported` });
      continue;
    }
    const id = attributeId(tagFor(a.tag), at.name, at.value === null ? 'binary' : 'value', at.value ?? undefined);
    const value = at.value ?? BINARY_VALUE;
    if (id in a.attributes && a.attributes[id] !== value) problems.push({ line: at.line, message: `${at.id}: ${at.target} already has ${at.name} = ${a.attributes[id]}; the later value ${value} is kept` });
    a.attributes[id] = value;
  }

  for (const n of byKind('N')) {
    const a = made.get(n.target);
    if (!a) {
      problems.push({ line: n.line, message: `${n.id} (${n.type} ${n.ref}): ${n.target} is not an imported annotation${relations.has(n.target) ? ' (normalizations of relations are not kept)' : ''}; not imported` });
      continue;
    }
    append(a.attributes, `${BRAT_NORM}${n.type}:${n.ref}`, n.text);
  }

  // Notes: AnnotatorNotes → the note; other note types (e.g. Lemma) → a free-text attribute. Several
  // notes of one type on one annotation are kept as lines of one value.
  for (const c of byKind('#')) {
    const a = made.get(c.target);
    const rel = relations.get(c.target);
    if (rel) {
      append(rel.source.attributes, `${rel.prefix}#${c.type}`, c.text);
      continue;
    }
    if (!a) {
      problems.push({ line: c.line, message: `${c.id} (${c.type}): ${c.target} is not an imported annotation; not imported` });
      continue;
    }
    if (c.type === ANNOTATOR_NOTES) mutable(a).note = a.note ? `${a.note}\n${c.text}` : c.text;
    else append(a.attributes, attributeId(tagFor(a.tag), c.type, 'text'), c.text);
  }

  for (const m of mixed) problems.push({ message: `attribute ${m.split(' ')[1]} of ${m.split(' ')[0]} is binary on some annotations and has a value on others; Gloss keeps one definition, so it may export differently` });
  return {
    annotations: all.sort(compareByPosition),
    tags: [...touched].map((id) => tags.get(id)!),
    problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
