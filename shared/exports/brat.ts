// brat standoff export: one document's annotations as an `.ann` file (to sit beside a `.txt` copy
// of the decoded text), and the `annotation.conf` / `visual.conf` describing every type used.
// Offsets: brat counts characters of the `.txt` as Python reads it, i.e. code points — the Gloss
// unit — so offsets are written as they are. brat lines cannot hold a line break, so a span that
// crosses line breaks becomes a discontinuous one (fragments cut at the breaks), as brat itself
// does. The mapping, including the `brat:` conventions for what Gloss has no field for, is in
// docs/EXPORTS.md; importing the result (shared/imports/brat.ts) gives the annotations back.
import { CodePointText } from '../code-points.js';
import type { Annotation } from '../sidecar-format.js';
import { tagById, type TagDefinition } from '../tags.js';
import {
  ANNOTATOR_NOTES,
  BINARY_VALUE,
  BRAT_ARG,
  BRAT_EQUIV,
  BRAT_GROUP,
  BRAT_NORM,
  BRAT_RELATION,
  BRAT_TRIGGER,
  bratAttributeName,
  bratSafe,
  isBinaryDefinition,
  relationKey,
} from './brat-conventions.js';

export interface BratDocumentInput {
  /** Folder-relative path of the source: a link whose `file` names it is a link inside this article. */
  file: string;
  /** The decoded source text (what the `.txt` copy holds). */
  text: string;
  annotations: readonly Annotation[];
  /** The tags for this document (the folder's set and any the sidecar adds). */
  tags: readonly TagDefinition[];
}

export interface BratDocumentOutput {
  ann: string;
  /** Annotations (or parts of them) that could not be written as they are, each said once. */
  problems: string[];
}

interface Span {
  start: number;
  end: number;
}

const LINE_BREAK = /[\r\n]/;

/** Split [start, end) at line breaks: the runs of characters that are not \r or \n. */
function fragmentsOf(text: CodePointText, start: number, end: number): Span[] {
  if (end <= start) return [];
  const covered = text.slice(start, end);
  // Most spans hold no line break: one fragment, without walking their characters.
  if (!LINE_BREAK.test(covered)) return [{ start, end }];
  const spans: Span[] = [];
  let pos = start;
  let run = -1;
  for (const ch of covered) {
    if (ch === '\r' || ch === '\n') {
      if (run >= 0) spans.push({ start: run, end: pos });
      run = -1;
    } else if (run < 0) run = pos;
    pos++;
  }
  if (run >= 0) spans.push({ start: run, end: pos });
  return spans;
}

const lines = (value: string) => (LINE_BREAK.test(value) ? value.split(/\r\n|\n|\r/) : [value]);
const short = (s: string) => {
  const flat = s.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 39)}…` : flat);
};

/** What the `.conf` files must declare: collected over every exported article. */
export class BratConfig {
  private readonly entities = new Set<string>();
  private readonly events = new Map<string, Map<string, Set<string>>>();
  private readonly relations = new Map<string, { from: Set<string>; to: Set<string>; equivalence: boolean }>();
  private readonly attributes = new Map<string, { on: Set<string>; values: Set<string>; binary: boolean }>();
  private readonly colors = new Map<string, { label: string; color: string }>();

  /** Declare the tags of a tag set: each tag an entity, its links relations, its choice attributes brat attributes. */
  addTagSet(tags: readonly TagDefinition[]): void {
    for (const tag of tags) {
      const type = bratSafe(tag.id);
      this.entity(type);
      this.colors.set(type, { label: tag.label, color: tag.color });
      for (const link of tag.links ?? []) {
        const rel = this.relation(bratSafe(link.type), false);
        rel.from.add(type);
        for (const t of link.targetTags) rel.to.add(bratSafe(t));
      }
      for (const a of tag.attributes ?? []) {
        if (a.kind !== 'choice') continue;
        const binary = isBinaryDefinition(a);
        const options = binary ? [] : (a.options ?? []).filter((o) => /^\S+$/.test(o));
        this.attribute(bratAttributeName(a), type, binary ? null : options);
      }
    }
  }

  entity(type: string): void {
    this.entities.add(type);
  }

  event(type: string, role?: string, argType?: string): void {
    const roles = this.events.get(type) ?? new Map<string, Set<string>>();
    this.events.set(type, roles);
    if (role && argType) roles.set(role, (roles.get(role) ?? new Set()).add(argType));
  }

  relation(type: string, equivalence: boolean): { from: Set<string>; to: Set<string> } {
    const rel = this.relations.get(type) ?? { from: new Set<string>(), to: new Set<string>(), equivalence };
    this.relations.set(type, rel);
    return rel;
  }

  /** `values` null for a binary attribute. */
  attribute(name: string, on: string, values: readonly string[] | null): void {
    const a = this.attributes.get(name) ?? { on: new Set<string>(), values: new Set<string>(), binary: values === null };
    this.attributes.set(name, a);
    a.on.add(on);
    if (values) {
      a.binary = false;
      for (const v of values) a.values.add(v);
    }
  }

  /** `annotation.conf`: entities, relations, events and attributes, each type once. */
  annotationConf(): string {
    const types = (s: Set<string>) => (s.size ? [...s].sort().join('|') : '<ANY>');
    const out = ['# Generated by Gloss (gloss export --format brat) from the folder\'s tag set and the annotations exported.', '', '[entities]'];
    for (const e of [...this.entities].sort()) if (!this.events.has(e)) out.push(e);
    out.push('', '[relations]');
    for (const [type, r] of [...this.relations].sort(byKey)) {
      out.push(`${type}\tArg1:${types(r.from)}, Arg2:${types(r.to)}${r.equivalence ? ', <REL-TYPE>:symmetric-transitive' : ''}`);
    }
    out.push('', '[events]');
    for (const [type, roles] of [...this.events].sort(byKey)) {
      // Repeated roles are numbered by brat (Theme, Theme2, …): declare them once as `Theme*`.
      const bases = new Map<string, Set<string>>();
      const counts = new Map<string, number>();
      for (const [role, argTypes] of roles) {
        const base = role.replace(/(?<=\D)\d+$/, '');
        const set = bases.get(base) ?? new Set<string>();
        for (const t of argTypes) set.add(t);
        bases.set(base, set);
        counts.set(base, (counts.get(base) ?? 0) + 1);
      }
      const args = [...bases].sort(byKey).map(([base, argTypes]) => `${base}${(counts.get(base) ?? 0) > 1 || !roles.has(base) ? '*' : '?'}:${types(argTypes)}`);
      out.push(args.length ? `${type}\t${args.join(', ')}` : type);
    }
    out.push('', '[attributes]');
    for (const [name, a] of [...this.attributes].sort(byKey)) {
      out.push(`${name}\tArg:${[...a.on].sort().join('|')}${a.binary ? '' : `, Value:${[...a.values].sort().join('|')}`}`);
    }
    return out.join('\n') + '\n';
  }

  /** `visual.conf`: each tag's label and colour. */
  visualConf(): string {
    const out = ['# Generated by Gloss: tag labels and colours.', '', '[labels]'];
    const known = [...this.colors].sort(byKey);
    for (const [type, { label }] of known) out.push(`${type} | ${label.replace(/\|/g, '/')}`);
    out.push('', '[drawing]');
    for (const [type, { color }] of known) out.push(`${type}\tbgColor:${color}`);
    return out.join('\n') + '\n';
  }
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * One document's `.ann`. Every annotation becomes a text-bound annotation (T) — or an event (E)
 * when it has a `brat:trigger` link — its attributes brat attributes (A, for choice attributes)
 * or typed notes (#, for free text such as a speaker), its note AnnotatorNotes, its links
 * relations (R). `config` collects the types for annotation.conf.
 */
export function toBratAnn(input: BratDocumentInput, config = new BratConfig()): BratDocumentOutput {
  const text = new CodePointText(input.text);
  const problems: string[] = [];
  const out: string[] = [];
  const counters = { T: 0, E: 0, R: 0, A: 0, N: 0, '#': 0 };
  const next = (k: keyof typeof counters) => `${k}${++counters[k]}`;
  const renamed = new Set<string>();
  const typeOf = (tag: string) => {
    const t = bratSafe(tag);
    if (t !== tag && !renamed.has(tag)) {
      renamed.add(tag);
      problems.push(`tag "${tag}" is written as brat type ${t} (brat types cannot contain spaces or : ; | , =)`);
    }
    return t;
  };
  const sameDocument = (file: string | undefined) => file === undefined || file === input.file;

  // Entities: text-bound annotations grouped by `brat:group` (fragments of one discontinuous span), and events.
  interface Entity {
    bratId: string;
    type: string;
    members: Annotation[];
    head: Annotation;
  }
  const isEvent = (a: Annotation) => a.links.some((l) => l.type === BRAT_TRIGGER);
  const groups = new Map<string, Annotation[]>();
  const events: Annotation[] = [];
  for (const a of input.annotations) {
    if (a.end > text.length || a.start > a.end) {
      problems.push(`${a.tag} ${short(a.exact)} at ${a.start}–${a.end} lies outside the text (${text.length} characters); not exported`);
      continue;
    }
    if (isEvent(a)) {
      events.push(a);
      continue;
    }
    const group = a.attributes[BRAT_GROUP];
    const key = group ? `${a.tag}\u0000${group}` : `\u0001${a.id}`;
    const members = groups.get(key);
    if (members) members.push(a);
    else groups.set(key, [a]);
  }
  const entities: (Entity & { spans: Span[] })[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => a.start - b.start || a.end - b.end);
    const head = members.find((m) => m.id === m.attributes[BRAT_GROUP]) ?? members[0]!;
    const spans: Span[] = [];
    for (const m of members) {
      const pieces = fragmentsOf(text, m.start, m.end);
      if (pieces.length === 0) {
        problems.push(`${m.tag} at ${m.start}–${m.end} ${m.start === m.end ? 'is empty' : 'covers only line breaks'}; brat has no such span, not exported`);
        continue;
      }
      if (pieces[0]!.start !== m.start || pieces.at(-1)!.end !== m.end) problems.push(`${m.tag} ${short(m.exact)} at ${m.start}–${m.end} begins or ends with a line break; written without it (${pieces[0]!.start}–${pieces.at(-1)!.end})`);
      spans.push(...pieces);
    }
    if (spans.length === 0) continue;
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    entities.push({ bratId: '', type: typeOf(head.tag), members, head, spans });
  }
  entities.sort((a, b) => a.spans[0]!.start - b.spans[0]!.start || b.spans.at(-1)!.end - a.spans.at(-1)!.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const idOf = new Map<string, string>();
  const typeOfId = new Map<string, string>();
  for (const e of entities) {
    e.bratId = next('T');
    for (const m of e.members) idOf.set(m.id, e.bratId);
    typeOfId.set(e.bratId, e.type);
    config.entity(e.type);
    out.push(`${e.bratId}\t${e.type} ${e.spans.map((s) => `${s.start} ${s.end}`).join(';')}\t${e.spans.map((s) => text.slice(s.start, s.end)).join(' ')}`);
  }

  // Events: ids first (arguments may be other events), then their lines.
  const eventEntities: Entity[] = [];
  for (const a of [...events].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const trigger = a.links.find((l) => l.type === BRAT_TRIGGER)!;
    if (!sameDocument(trigger.file) || !idOf.get(trigger.target)?.startsWith('T')) {
      problems.push(`event ${a.tag} ${short(a.exact)}: its trigger is not exported; the event is not exported`);
      continue;
    }
    const e: Entity = { bratId: next('E'), type: typeOf(a.tag), members: [a], head: a };
    idOf.set(a.id, e.bratId);
    typeOfId.set(e.bratId, e.type);
    eventEntities.push(e);
  }
  for (const e of eventEntities) {
    const a = e.head;
    const trigger = idOf.get(a.links.find((l) => l.type === BRAT_TRIGGER)!.target)!;
    const args: string[] = [];
    config.event(e.type);
    for (const l of a.links) {
      if (!l.type.startsWith(BRAT_ARG)) continue;
      const role = bratSafe(l.type.slice(BRAT_ARG.length));
      const target = sameDocument(l.file) ? idOf.get(l.target) : undefined;
      if (!target) {
        problems.push(`event ${e.type} ${short(a.exact)}: argument ${role} points ${l.file && !sameDocument(l.file) ? `into ${l.file}` : 'at an annotation not exported'}; left out`);
        continue;
      }
      args.push(`${role}:${target}`);
      config.event(e.type, role, typeOfId.get(target)!);
    }
    out.push(`${e.bratId}\t${e.type}:${trigger}${args.map((x) => ' ' + x).join('')}`);
  }

  const all: Entity[] = [...entities, ...eventEntities];
  const attributeLines: string[] = [];
  const normLines: string[] = [];
  const noteLines: string[] = [];
  const relationLines: string[] = [];
  const equivalences = new Map<string, Map<string, string>>(); // type → union-find over brat ids

  const note = (type: string, target: string, value: string) => {
    for (const line of lines(value)) noteLines.push(`${next('#')}\t${bratSafe(type)} ${target}\t${line}`);
  };

  for (const e of all) {
    const attributes: Record<string, string> = {};
    let noteText = '';
    const links: Annotation['links'] = [];
    for (const m of [e.head, ...e.members.filter((x) => x !== e.head)]) {
      for (const [k, v] of Object.entries(m.attributes)) {
        if (k in attributes && attributes[k] !== v && k !== BRAT_GROUP) problems.push(`${e.type} ${short(e.head.exact)}: fragments disagree on ${k}; the first fragment's value is written`);
        if (!(k in attributes)) attributes[k] = v;
      }
      if (m.note) noteText = noteText ? `${noteText}\n${m.note}` : m.note;
      links.push(...m.links);
    }
    // Relations and equivalences.
    const usedRelationKeys = new Set<string>();
    for (const l of links) {
      if (l.type === BRAT_TRIGGER || l.type.startsWith(BRAT_ARG)) continue;
      const target = sameDocument(l.file) ? idOf.get(l.target) : undefined;
      if (!target) {
        problems.push(
          l.file && !sameDocument(l.file)
            ? `${e.type} ${short(e.head.exact)}: link ${l.type} to ${l.file} crosses articles; brat relations stay within one document, not exported`
            : `${e.type} ${short(e.head.exact)}: link ${l.type} points at an annotation not exported; left out`,
        );
        continue;
      }
      if (l.type.startsWith(BRAT_EQUIV)) {
        const type = bratSafe(l.type.slice(BRAT_EQUIV.length));
        const parent = equivalences.get(type) ?? new Map<string, string>();
        equivalences.set(type, parent);
        for (const id of [e.bratId, target]) if (!parent.has(id)) parent.set(id, id);
        parent.set(root(parent, target), root(parent, e.bratId));
        const rel = config.relation(type, true);
        rel.from.add(e.type).add(typeOfId.get(target)!);
        rel.to.add(e.type).add(typeOfId.get(target)!);
        continue;
      }
      const type = bratSafe(l.type);
      const prefix = relationKey(l.type, l.target);
      const first = !usedRelationKeys.has(prefix);
      usedRelationKeys.add(prefix);
      const roles = (first && attributes[prefix + 'roles']?.split(' ')) || ['Arg1', 'Arg2'];
      const rid = next('R');
      relationLines.push(`${rid}\t${type} ${roles[0]}:${e.bratId} ${roles[1] ?? 'Arg2'}:${target}`);
      const rel = config.relation(type, false);
      rel.from.add(e.type);
      rel.to.add(typeOfId.get(target)!);
      if (!first) continue;
      for (const [k, v] of Object.entries(attributes)) {
        if (!k.startsWith(prefix)) continue;
        const what = k.slice(prefix.length);
        if (what.startsWith('A:')) {
          const name = bratSafe(what.slice(2));
          attributeLines.push(v === BINARY_VALUE ? `${next('A')}\t${name} ${rid}` : `${next('A')}\t${name} ${rid} ${v}`);
          config.attribute(name, type, v === BINARY_VALUE ? null : [v]);
        } else if (what.startsWith('#')) note(what.slice(1), rid, v);
      }
    }
    // Attributes, normalizations, notes.
    const definitions = tagById(input.tags, e.head.tag).attributes ?? [];
    for (const [k, v] of Object.entries(attributes)) {
      if (k === BRAT_GROUP || k.startsWith(BRAT_RELATION)) continue;
      if (k.startsWith(BRAT_NORM)) {
        const rest = k.slice(BRAT_NORM.length);
        const colon = rest.indexOf(':');
        normLines.push(`${next('N')}\t${bratSafe(rest.slice(0, colon))} ${e.bratId} ${rest.slice(colon + 1)}\t${v}`);
        continue;
      }
      if (k.startsWith('brat:')) {
        problems.push(`${e.type} ${short(e.head.exact)}: attribute ${k} is not a Gloss brat convention; written as a note of that type`);
      }
      if (v === '') continue;
      const definition = definitions.find((d) => d.id === k);
      const name = definition ? bratAttributeName(definition) : bratSafe(k);
      if (definition?.kind === 'choice' && isBinaryDefinition(definition) && v === BINARY_VALUE) {
        attributeLines.push(`${next('A')}\t${name} ${e.bratId}`);
        config.attribute(name, e.type, null);
      } else if (definition?.kind === 'choice' && /^\S+$/.test(v)) {
        attributeLines.push(`${next('A')}\t${name} ${e.bratId} ${v}`);
        config.attribute(name, e.type, [v]);
      } else {
        note(name, e.bratId, v);
      }
    }
    if (noteText) note(ANNOTATOR_NOTES, e.bratId, noteText);
  }
  for (const [type, parent] of equivalences) {
    const classes = new Map<string, string[]>();
    for (const id of parent.keys()) {
      const r = root(parent, id);
      classes.set(r, [...(classes.get(r) ?? []), id]);
    }
    // A class of one comes from an annotation said to be equivalent to itself (`* Equiv T1 T1`): kept as said.
    for (const members of classes.values()) relationLines.push(`*\t${type} ${(members.length === 1 ? [members[0]!, members[0]!] : members.sort(byBratNumber)).join(' ')}`);
  }
  out.push(...relationLines, ...attributeLines, ...normLines, ...noteLines);
  return { ann: out.length ? out.join('\n') + '\n' : '', problems };
}

function root(parent: Map<string, string>, x: string): string {
  let r = x;
  while (parent.get(r) !== r) r = parent.get(r)!;
  return r;
}

function byBratNumber(a: string, b: string): number {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a < b ? -1 : 1;
}
