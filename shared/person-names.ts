// People named in an article, for the speaker / claimant / denier fields: "Mr Putin", "Putin" and
// "President Vladimir Putin" are one person, offered once in the fullest form the article gives
// ("Vladimir Putin"), so the analyst's spelling stays consistent. Names are found by compromise's
// person tagger; the grouping and clean-up of its raw matches is ours.
import nlp from 'compromise';

/** Honorifics and titles left off a name (compared lower-case, without a final dot). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice-president', 'prime', 'minister', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'general', 'gen', 'marshal', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sgt', 'sergeant', 'admiral',
  'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'judge', 'justice', 'secretary', 'spokesman', 'spokeswoman', 'chairman',
  'pope', 'rev', 'reverend', 'father', 'sheikh', 'comrade', 'leader',
]);

/**
 * Longest text the person tagger reads. It runs at roughly 100 KB a second, so names come from
 * the first 400 KB of a longer document; they are asked for in the background and cached.
 */
export const NAME_SCAN_LIMIT = 400_000;

/** A raw match cleaned: possessives, punctuation and leading titles removed; null if nothing name-like is left. */
export function cleanName(raw: string): string | null {
  let name = raw
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{M}\s.'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.'’-]+$/, '');
  const words = name.split(' ');
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''))) words.shift();
  name = words.join(' ');
  if (!name || !/^\p{Lu}/u.test(name)) return null;
  // A lone all-capital token is an acronym (RIA, KCNA), not a person.
  if (words.length === 1 && name.length > 1 && name === name.toUpperCase()) return null;
  if (words.length === 1 && TITLES.has(name.toLowerCase())) return null;
  return name;
}

/** Whether the shorter name is a form of the longer one ("Putin" of "Vladimir Putin", "Kim Jong" of "Kim Jong Un"). */
function isFormOf(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  if (short.length === 1) return long.includes(short[0]!);
  const joined = ` ${long.join(' ')} `;
  return joined.includes(` ${short.join(' ')} `);
}

/**
 * Group raw names into people, each under its fullest form; returns those forms, most mentioned
 * first. A short form that fits two different full names (two Kims) stays on its own.
 */
export function groupNames(raw: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of raw) {
    const name = cleanName(r);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
  const fullest = new Map<string, string>();
  const totals = new Map<string, number>();
  for (const name of names) {
    const words = name.split(' ');
    const candidates = [...totals.keys()].filter((full) => isFormOf(words, full.split(' ')));
    const owner = candidates.length === 1 ? candidates[0]! : name;
    fullest.set(name, owner);
    totals.set(owner, (totals.get(owner) ?? 0) + counts.get(name)!);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The people named in `text`, each once in its fullest form, most mentioned first. */
export function namesInText(text: string, limit = NAME_SCAN_LIMIT): string[] {
  const scanned = text.length > limit ? text.slice(0, limit) : text;
  return groupNames(nlp(scanned).people().out('array') as string[]);
}

/** The form of `name` to store: the article's or folder's fullest form when `name` is a short form of exactly one of them. */
export function fullestForm(name: string, known: readonly string[]): string {
  const cleaned = cleanName(name) ?? name.trim();
  const words = cleaned.split(' ');
  const exact = known.find((k) => k.toLowerCase() === cleaned.toLowerCase());
  if (exact) return exact;
  const candidates = known.filter((k) => isFormOf(words, k.split(' ')));
  return candidates.length === 1 ? candidates[0]! : cleaned;
}
