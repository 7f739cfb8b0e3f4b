// The brat standoff annotation file (`.ann`, https://brat.nlplab.org/standoff.html) as typed
// lines, and a canonical form of it that ignores ids and line order, so two files can be compared
// for what they say rather than how they number it. Offsets are characters of the `.txt` as brat
// (Python) reads it: code points, the same unit as Gloss offsets.

export interface BratSpan {
  start: number;
  end: number;
}

export interface BratArg {
  role: string;
  ref: string;
}

export type BratLine =
  /** Text-bound annotation: `T1\tType 0 5;10 15\ttext` (several fragments when discontinuous). */
  | { kind: 'T'; line: number; id: string; type: string; spans: BratSpan[]; text: string }
  /** Relation: `R1\tType Arg1:T1 Arg2:T2`. */
  | { kind: 'R'; line: number; id: string; type: string; args: [BratArg, BratArg] }
  /** Event: `E1\tType:T3 Role:T1 Role2:E2` (trigger, then arguments). */
  | { kind: 'E'; line: number; id: string; type: string; trigger: string; args: BratArg[] }
  /** Attribute (`A1\tName T1 [Value]`) or its older spelling, modification (`M1\tName E1`); value null when binary. */
  | { kind: 'A'; line: number; id: string; name: string; target: string; value: string | null }
  /** Normalization: `N1\tType T1 Db:Id\ttext`. */
  | { kind: 'N'; line: number; id: string; type: string; target: string; ref: string; text: string }
  /** Equivalence: `*\tType T1 T2 T3` (no id). */
  | { kind: '*'; line: number; type: string; members: string[] }
  /** Comment: `#1\tAnnotatorNotes T1\ttext` (the type may be other than AnnotatorNotes, e.g. `Lemma`). */
  | { kind: '#'; line: number; id: string; type: string; target: string; text: string };

export interface BratProblem {
  /** 1-based line of the `.ann` file, when the problem is with one line. */
  line?: number;
  message: string;
}

export interface ParsedAnn {
  lines: BratLine[];
  /** Lines that could not be read: reported, never silently skipped. */
  problems: BratProblem[];
}

const ROLE_ARG = /^([^\s:]+):(\S+)$/;

function arg(token: string): BratArg | null {
  const m = ROLE_ARG.exec(token);
  return m ? { role: m[1]!, ref: m[2]! } : null;
}

/** Split a line at its first two tabs: id, the annotation's fields, and the free text after them. */
function fields(raw: string): [string, string, string | null] {
  const first = raw.indexOf('\t');
  if (first < 0) return [raw, '', null];
  const second = raw.indexOf('\t', first + 1);
  return second < 0 ? [raw.slice(0, first), raw.slice(first + 1), null] : [raw.slice(0, first), raw.slice(first + 1, second), raw.slice(second + 1)];
}

/** Read an `.ann` file. Blank lines are ignored; a line that cannot be read is reported with its number. */
export function parseAnn(ann: string): ParsedAnn {
  const lines: BratLine[] = [];
  const problems: BratProblem[] = [];
  const rows = ann.split(/\r\n|\n|\r/);
  rows.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const [id, middle, text] = fields(raw);
    const tokens = middle.trim().split(/\s+/).filter(Boolean);
    const bad = (why: string) => problems.push({ line, message: `${why}: ${JSON.stringify(raw.length > 120 ? raw.slice(0, 117) + '…' : raw)}` });
    switch (id[0]) {
      case 'T': {
        // `Type 0 5;10 15`: the offsets may be split by spaces around the semicolons.
        const m = /^(\S+)\s+(\d+\s+\d+(?:\s*;\s*\d+\s+\d+)*)\s*$/.exec(middle);
        if (!m) return void bad('not a text-bound annotation (T)');
        const spans = m[2]!.split(';').map((pair) => {
          const [s, e] = pair.trim().split(/\s+/).map(Number);
          return { start: s!, end: e! };
        });
        lines.push({ kind: 'T', line, id, type: m[1]!, spans, text: text ?? '' });
        return;
      }
      case 'R': {
        const a1 = tokens[1] ? arg(tokens[1]) : null;
        const a2 = tokens[2] ? arg(tokens[2]) : null;
        if (!tokens[0] || !a1 || !a2 || tokens.length !== 3) return void bad('not a relation (R) with two arguments');
        lines.push({ kind: 'R', line, id, type: tokens[0], args: [a1, a2] });
        return;
      }
      case 'E': {
        const trigger = tokens[0] ? arg(tokens[0]) : null;
        const args = tokens.slice(1).map(arg);
        if (!trigger || args.some((a) => a === null)) return void bad('not an event (E)');
        lines.push({ kind: 'E', line, id, type: trigger.role, trigger: trigger.ref, args: args as BratArg[] });
        return;
      }
      case 'A':
      case 'M': {
        if (tokens.length !== 2 && tokens.length !== 3) return void bad('not an attribute (A/M)');
        lines.push({ kind: 'A', line, id, name: tokens[0]!, target: tokens[1]!, value: tokens[2] ?? null });
        return;
      }
      case 'N': {
        if (tokens.length !== 3) return void bad('not a normalization (N)');
        lines.push({ kind: 'N', line, id, type: tokens[0]!, target: tokens[1]!, ref: tokens[2]!, text: text ?? '' });
        return;
      }
      case '*': {
        if (tokens.length < 3) return void bad('not an equivalence (*) of two or more annotations');
        lines.push({ kind: '*', line, type: tokens[0]!, members: tokens.slice(1) });
        return;
      }
      case '#': {
        if (tokens.length !== 2) return void bad('not a note (#)');
        lines.push({ kind: '#', line, id, type: tokens[0]!, target: tokens[1]!, text: text ?? '' });
        return;
      }
      default:
        bad('unknown kind of brat annotation');
    }
  });
  return { lines, problems };
}

/**
 * The annotations of an `.ann` as a sorted list of id-free statements: each text-bound annotation
 * by type and fragments (sorted), each event by type, trigger and arguments, each relation by type
 * and arguments, attributes, normalizations and notes by what they are attached to, and each
 * equivalence type by its classes (brat equivalences are symmetric and transitive, so
 * `* Equiv T1 T2` + `* Equiv T2 T3` says the same as `* Equiv T1 T2 T3`). M lines are read as A
 * lines, which is what brat does. Two files with equal lists say the same.
 */
export function canonicalAnn(parsed: ParsedAnn): string[] {
  const byId = new Map<string, BratLine>();
  for (const l of parsed.lines) if (l.kind !== '*') byId.set(l.id, l);
  const memo = new Map<string, string>();
  const key = (id: string, depth = 0): string => {
    const known = memo.get(id);
    if (known) return known;
    const l = byId.get(id);
    let k: string;
    if (!l || depth > 32) k = `?${id}`;
    else if (l.kind === 'T') k = `T[${l.type}|${l.spans.map((s) => `${s.start}-${s.end}`).sort(compareSpans).join(',')}]`;
    else if (l.kind === 'E') k = `E[${l.type}|${key(l.trigger, depth + 1)}|${l.args.map((a) => `${a.role}=${key(a.ref, depth + 1)}`).sort().join(',')}]`;
    else if (l.kind === 'R') k = `R[${l.type}|${l.args.map((a) => `${a.role}=${key(a.ref, depth + 1)}`).join(',')}]`;
    else k = `?${id}`;
    memo.set(id, k);
    return k;
  };
  const out: string[] = [];
  const classes = new Map<string, Map<string, string>>(); // type → union-find parent by key
  for (const l of parsed.lines) {
    switch (l.kind) {
      case 'T':
      case 'E':
      case 'R':
        out.push(key(l.id));
        break;
      case 'A':
        out.push(`A ${l.name} ${key(l.target)} ${l.value ?? '(binary)'}`);
        break;
      case 'N':
        out.push(`N ${l.type} ${key(l.target)} ${l.ref} ${l.text}`);
        break;
      case '#':
        out.push(`# ${l.type} ${key(l.target)} ${l.text}`);
        break;
      case '*': {
        const parent = classes.get(l.type) ?? new Map<string, string>();
        classes.set(l.type, parent);
        const keys = l.members.map((m) => key(m));
        for (const k of keys) if (!parent.has(k)) parent.set(k, k);
        for (const k of keys.slice(1)) parent.set(findRoot(parent, k), findRoot(parent, keys[0]!));
        break;
      }
    }
  }
  for (const [type, parent] of classes) {
    const groups = new Map<string, string[]>();
    for (const k of parent.keys()) {
      const r = findRoot(parent, k);
      groups.set(r, [...(groups.get(r) ?? []), k]);
    }
    for (const members of groups.values()) out.push(`* ${type} ${members.sort().join(' ')}`);
  }
  return out.sort();
}

/** Union-find root of `x` (every member is in `parent`, roots point at themselves). */
function findRoot(parent: Map<string, string>, x: string): string {
  let r = x;
  while (parent.get(r) !== r) r = parent.get(r)!;
  return r;
}

function compareSpans(a: string, b: string): number {
  const [as, ae] = a.split('-').map(Number);
  const [bs, be] = b.split('-').map(Number);
  return as! - bs! || ae! - be!;
}
