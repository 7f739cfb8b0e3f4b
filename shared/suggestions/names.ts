// Who a speaker is: the noun phrase before or after a cue reduced to a name (`Kremlin spokesman
// Dmitry Peskov` → `Dmitry Peskov`), short forms normalized to the fullest form the article gives
// (`Mr Peskov` → `Dmitry Peskov`, via shared/person-names.ts), and the gender a pronoun needs.
// Names are found by capitalization, which is linear in the text; compromise's person tagger is
// asked only about the few distinct names found (its lexicon of first names gives the gender).
import nlp from 'compromise';
import { cleanName, fullestForm } from '../person-names.js';
import { FEMALE_HONORIFICS, GROUP_NOUNS, HONORIFICS, MALE_HONORIFICS, NAME_TITLES, NOT_NAME_WORDS, PRONOUNS, SPEAKER_NOUNS } from './cues.js';
import { lastIndexAtOrBefore } from '../sorted-search.js';

const TITLE_SET = new Set<string>(NAME_TITLES);
const HONORIFIC_SET = new Set<string>(HONORIFICS);
const NOT_NAME = new Set<string>(NOT_NAME_WORDS);
const SPEAKER_NOUN_SET = new Set<string>(SPEAKER_NOUNS);
const GROUP_NOUN_SET = new Set<string>(GROUP_NOUNS);

/** A capitalized word, an initial, or a name particle inside a name. */
const CAP_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’\-]*\.?|\p{Lu}\.)`;
const NAME_RUN = new RegExp(String.raw`${CAP_WORD}(?:[ \t]+(?:${CAP_WORD}|(?:de|van|von|al|bin|da|del|la|le|di)(?=[ \t]+\p{Lu})))*`, 'gu');

export type Gender = 'male' | 'female' | 'unknown';

export interface Mention {
  /** The name as cleaned (`Vladimir Putin`, `Mr Kim` → `Kim`). */
  name: string;
  /** UTF-16 offset in the text. */
  at: number;
  gender: Gender;
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[.,]+$/, '');
}

/**
 * Cut a run of capitalized words down to the person's name: words up to and including the last
 * title go (`Russian President Vladimir Putin` → `Vladimir Putin`), a possessive ends the run's
 * owner part (`N. Korea’s Kim` → `Kim`), sentence-initial function words and a trailing party tag
 * (`R-Bergen`) are dropped. A long run with no known title is given to compromise's person tagger
 * (`City Controller Alexander Hemphill` → `Alexander Hemphill`).
 */
export function nameFromRun(run: string, tagger: NameTagger = UNLIMITED): { name: string; honorific: string; title: string } | null {
  let words = run.split(/[ \t]+/).filter(Boolean);
  // A run-in headline or dateline glued to a sentence (`Washington The Kennedy administration`): the sentence restarts at `The`.
  const restart = words.findLastIndex((w, i) => i > 0 && i < words.length - 1 && /^(?:The|An|He|She|They|It|We|This|These|Those)$/.test(w));
  if (restart > 0) words = words.slice(restart + 1);
  const possessive = words.findLastIndex((w) => /[’']s$/.test(w));
  // The run ends in a possessive (`Gov. Price Daniel's act`): the run is the owner, a person named with a title.
  if (possessive >= 0 && possessive === words.length - 1) words[possessive] = words[possessive]!.replace(/[’']s$/, '');
  else if (possessive >= 0) words = words.slice(possessive + 1);
  while (words.length > 1 && /^\p{Lu}{1,2}-\p{Lu}/u.test(words[words.length - 1]!)) words.pop();
  let honorific = '';
  let title = '';
  for (let i = words.length - 2; i >= 0; i--) {
    const w = bare(words[i]!);
    if (TITLE_SET.has(w) || HONORIFIC_SET.has(w) || /^(mayor|vice|ex)-/.test(w)) {
      if (HONORIFIC_SET.has(w)) honorific = w;
      title = w;
      words = words.slice(i + 1);
      break;
    }
  }
  while (words.length && NOT_NAME.has(bare(words[0]!))) words.shift();
  if (!words.length) return null;
  // Streets and places are not people (`E. Pelham Rd.`).
  if (words.slice(1).some((w) => /^(?:Rd|St|Ave|Blvd|Dr|Sq|Co|Corp|Inc)\.?$/.test(w))) return null;
  if (!title && words.length >= 3) {
    const person = tagger.ask(RUN_CACHE, words.join(' '), personInRun, null);
    if (person) words = person.split(' ');
  }
  const name = cleanName(words.join(' '));
  return name ? { name, honorific, title } : null;
}

/**
 * compromise, asked about at most `budget` distinct strings per text: a long text full of names
 * stays within its time (each question costs about half a millisecond). Answers are cached across
 * texts but counted per text, so a text gets the same suggestions whether the cache is warm or not.
 */
export class NameTagger {
  private readonly asked = new Set<string>();
  constructor(private readonly budget: number) {}

  ask<T>(cache: Map<string, T>, key: string, compute: (key: string) => T, fallback: T): T {
    if (!this.asked.has(key)) {
      if (this.asked.size >= this.budget) return fallback;
      this.asked.add(key);
    }
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size > 20_000) cache.clear();
      cache.set(key, value);
    }
    return value;
  }
}

/**
 * Distinct questions to compromise per text (see NameTagger): cutting a long run to its person
 * (`people()`, about 2 ms each on this machine under load) and telling a person's first name or
 * kind (`has()`, about 0.5 ms). Together at most about half a second on a cold start.
 */
export const RUN_BUDGET = 150;
export const NAME_BUDGET = 300;
const UNLIMITED = new NameTagger(Infinity);
const RUN_CACHE = new Map<string, string | null>();

/** The person compromise finds at the end of a long run, or null. */
function personInRun(run: string): string | null {
  const found = (nlp(run).people().out('array') as string[]).map((p) => p.replace(/[.,]+$/, '')).pop() ?? null;
  const dropped = found ? run.slice(0, run.length - found.length) : '';
  // Keep initials (`C. Virgil Martin`): only a description is dropped (`City Controller`).
  return found && found !== run && run.endsWith(found) && found.includes(' ') && /\p{L}{3}/u.test(dropped) ? found : null;
}

/** The people named in a text: full names (two words or more) and every mention with its position. */
export class NameIndex {
  readonly mentions: Mention[] = [];
  /** Names seen with a title (`Governor Notte`), for `the governor said`. */
  private readonly titled: { title: string; name: string; at: number }[] = [];
  /** Roles given next to a name (`E. M. Martin, assistant secretary of state, …`, `spokesman Dmitry Peskov`), lower-case, for `the assistant secretary said`. */
  private readonly roles: { role: string; name: string; at: number }[] = [];
  private readonly genders = new Map<string, Gender>();
  /** Full names by their last word, and by each of their words (lower-case), for fast look-ups. */
  private readonly byLastWord = new Map<string, string[]>();
  private readonly byWord = new Map<string, string[]>();
  private readonly fullCache = new Map<string, string>();
  private readonly mentionAts: number[];

  private readonly text: string;
  readonly tagger = new NameTagger(NAME_BUDGET);
  readonly runTagger = new NameTagger(RUN_BUDGET);

  constructor(text: string, extraNames: readonly string[] = []) {
    this.text = text;
    const full = new Set<string>();
    NAME_RUN.lastIndex = 0;
    // A text names the same people again and again: each distinct run is cut once.
    const cuts = new Map<string, ReturnType<typeof nameFromRun>>();
    for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
      let cut = cuts.get(m[0]);
      if (cut === undefined) {
        cut = nameFromRun(m[0], this.runTagger);
        cuts.set(m[0], cut);
      }
      if (!cut) continue;
      const words = cut.name.split(' ');
      // Acronyms and place-like single words are not people; a single word stays a mention (`Peskov`).
      if (words.length >= 2 && words.length <= 4) full.add(cut.name);
      const gender = honorificGender(cut.honorific);
      if (gender !== 'unknown') this.genders.set(cut.name, gender);
      this.mentions.push({ name: cut.name, at: m.index + m[0].length - cut.name.length, gender });
      if (cut.title && !['mr', 'mrs', 'ms', 'miss', 'mister', 'dr'].includes(cut.title)) this.titled.push({ title: cut.title, name: cut.name, at: m.index });
      if (words.length >= 2) {
        const role = roleNextTo(text, m.index, m.index + m[0].length);
        if (role) this.roles.push({ role, name: cut.name, at: m.index });
      }
    }
    this.mentionAts = this.mentions.map((m) => m.at);
    for (const k of new Set([...extraNames, ...full])) {
      const words = k.split(' ');
      const last = words[words.length - 1]!;
      push(this.byLastWord, last, k);
      for (const w of new Set(words.map((x) => x.toLowerCase()))) push(this.byWord, w, k);
    }
  }

  /** The fullest form of a person's name in the article (`Peskov` → `Dmitry Peskov`); a full name ending in the short one wins. */
  fullest(name: string, at = -1): string {
    const cached = this.fullCache.get(name);
    if (cached !== undefined && (cached !== AMBIGUOUS || at < 0)) return cached === AMBIGUOUS ? name : cached;
    if (!name.includes(' ')) {
      const endings = this.byLastWord.get(name) ?? [];
      if (endings.length === 1) return this.remember(name, endings[0]!);
      // Two full names end in it (`David Berger`, `Henry A. Berger`): the one named last before `at`.
      if (endings.length > 1) {
        this.fullCache.set(name, AMBIGUOUS);
        for (let i = upperBound(this.mentionAts, at - 1) - 1; at >= 0 && i >= 0; i--) {
          const m = this.mentions[i]!;
          if (endings.includes(m.name)) return m.name;
        }
        return name;
      }
    }
    const cleaned = cleanName(name) ?? name.trim();
    const pool = this.byWord.get(cleaned.split(' ')[0]!.toLowerCase()) ?? [];
    return this.remember(name, fullestForm(name, pool));
  }

  private remember(name: string, full: string): string {
    this.fullCache.set(name, full);
    return full;
  }

  /** The person last named with this title before `at` (`the governor` → `Notte`), matching `surname` when given. */
  byTitle(title: string, at: number, surname = ''): string | null {
    for (let i = this.titled.length - 1; i >= 0; i--) {
      const t = this.titled[i]!;
      if (t.at >= at || t.title !== title) continue;
      if (surname && !t.name.endsWith(surname)) continue;
      return this.fullest(t.name);
    }
    return null;
  }

  /**
   * The person last introduced before `at` with a role that contains `role` (`the assistant
   * secretary` → `E. M. Martin, assistant secretary of state for economic affairs`), or null.
   */
  byRole(role: string, at: number): string | null {
    const re = new RegExp(String.raw`(?:^|\s)${role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?:\s|$)`);
    for (let i = this.roles.length - 1; i >= 0; i--) {
      const r = this.roles[i]!;
      if (r.at < at && re.test(r.role)) return this.fullest(r.name);
    }
    return null;
  }

  /** The text of [from, at), for the rules' context checks. */
  textBefore(at: number, from: number): string {
    return this.text.slice(from, at);
  }

  /** Whether a name found by capitalization is a person's (`Dmitry Peskov`, not `Vostochny Cosmodrome`). */
  isPerson(name: string): boolean {
    if (this.genders.has(name)) return true;
    const full = this.fullest(name);
    // Initials (`R. L. Brandt`) or compromise's person tagger make a person; places and organizations do not.
    if (!full.includes(' ')) return false;
    // … but initials alone are a place or an abbreviation (`D. C.`), not a person.
    if (/^(?:\p{Lu}\.\s?)+\p{Lu}[\p{Ll}’'-]/u.test(full)) return true;
    if (/^(?:\p{Lu}\.\s?)+$/u.test(full)) return false;
    return this.tagger.ask(PERSON_CACHE, full, (f) => {
      const doc = nlp(f);
      return doc.has('#Person') && !doc.has('#Place');
    }, false);
  }

  /** Male, female or unknown: from an honorific seen with the name, else from its first name. */
  gender(name: string): Gender {
    const full = this.fullest(name);
    const known = this.genders.get(full) ?? this.genders.get(name) ?? this.genders.get(full.split(' ').pop()!);
    if (known) return known;
    if (!full.includes(' ')) return 'unknown';
    return this.tagger.ask(GENDER_CACHE, full.split(' ')[0]!, (first) => {
      const doc = nlp(first);
      if (doc.has('#MaleName') && !doc.has('#FemaleName')) return 'male';
      if (doc.has('#FemaleName') && !doc.has('#MaleName')) return 'female';
      return 'unknown';
    }, 'unknown' as Gender);
  }
}

/**
 * The role given next to a full name: an appositive after it (`, assistant secretary of state for
 * economic affairs,` — lower-case words up to the next comma or full stop) or a lower-case title
 * before it (`spokesman Dmitry Peskov`).
 */
function roleNextTo(text: string, start: number, end: number): string {
  if (text[end] === ',') {
    const after = /^,\s+(?:(?:a|an|the)\s+)?(\p{Ll}[\p{L}-]*(?:\s+[\p{L}-]+){0,9})/u.exec(text.slice(end, end + 120));
    if (after && after[1]!.split(/\s+/).some((w) => TITLE_SET.has(w.toLowerCase()))) return after[1]!.toLowerCase();
  }
  // Cheap test first: the word right before the name is a lower-case title.
  const words = text.slice(Math.max(0, start - 40), start).split(/\s+/);
  words.pop();
  const last = words[words.length - 1];
  if (!last || !TITLE_SET.has(last)) return '';
  const lower: string[] = [];
  for (let i = words.length - 1; i >= 0 && lower.length < 3 && /^\p{Ll}[\p{L}-]*$/u.test(words[i]!); i--) lower.unshift(words[i]!);
  return lower.join(' ');
}

const GENDER_CACHE = new Map<string, Gender>();
const AMBIGUOUS = '\u0000';

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the first element of `sorted` greater than `x`. */
function upperBound(sorted: number[], x: number): number {
  return lastIndexAtOrBefore(sorted, x) + 1;
}
const PERSON_CACHE = new Map<string, boolean>();

function honorificGender(h: string): Gender {
  if ((MALE_HONORIFICS as readonly string[]).includes(h)) return 'male';
  if ((FEMALE_HONORIFICS as readonly string[]).includes(h)) return 'female';
  return 'unknown';
}

export type SpeakerKind = 'person' | 'group' | 'pronoun';

export interface Speaker {
  /** What is stored as the speaker/claimant/denier. For a pronoun, the pronoun itself (resolved later). */
  name: string;
  kind: SpeakerKind;
  /** Honorific seen with the name, for gender. */
  honorific: string;
  /** A definite role description as subject (`the former Superior Court judge`) that no introduction resolved: a pronoun-like reference to a person named before, resolved in suggest.ts like `he`, else kept as written. */
  description?: boolean;
  /** UTF-16 range of the whole phrase in the text (`Kremlin spokesman Dmitry Peskov`). */
  start: number;
  end: number;
}

const DETERMINER = /^(?:the|a|an|both|all|some|several|many|two|three|its|his|her|their|one|this|that|these|those)\s+/i;
/** A capitalized word that restarts a sentence inside a phrase (a run-in headline: `Wards protected The jury`). */
const RESTART = /\s(?=(?:The|A|An|He|She|They|It|This|These|Those|We|I)(?:\s|$))/g;

/**
 * A noun phrase as a speaker, or null when it does not look like one. `phrase` is the text
 * between clause start and cue (or after an inverted cue), already trimmed; `at` its offset.
 */
export function speakerFromPhrase(phrase: string, at: number, names: NameIndex): Speaker | null {
  let p = phrase.replace(/[\s,]+$/, '');
  const restart = [...p.matchAll(RESTART)].pop();
  if (restart) {
    at += restart.index + 1;
    p = p.slice(restart.index + 1);
  }
  if (!p) return null;
  const end = at + p.length;
  // `Rep. Charles E. Hughes of Sherman`: the person, not the place.
  const of = /^(.*\p{Lu}[\p{L}.’'-]*)\s+of\s+\p{Lu}[\p{L}\s.,-]*$/u.exec(p);
  if (of && /\s/.test(of[1]!) && NAME_RUN.test(of[1]!)) p = of[1]!;
  NAME_RUN.lastIndex = 0;
  const words = p.split(/\s+/);
  if (words.length > 9) return null;
  const lower = p.toLowerCase();
  if (words.length === 1 && PRONOUNS[lower]) return { name: lower, kind: 'pronoun', honorific: '', start: at, end };
  if (words.length === 1 && NOT_NAME.has(lower)) return null;
  // Relative pronouns, questions and clauses are not speakers.
  if (/^(?:who|which|what|that|it is|there|this is|as|if|when|how)\b/i.test(p)) return null;
  // A trailing run of capitalized words after lower-case description: the person (`Kremlin spokesman Dmitry Peskov`).
  const runs = [...p.matchAll(NAME_RUN)];
  const last = runs[runs.length - 1];
  if (last && last.index + last[0].length === p.length) {
    const before = p.slice(0, last.index).trim();
    const describedPerson = before && /\p{Ll}/u.test(before.split(/\s+/).pop()!) && !/[’']s$/.test(before) && !/\b(?:and|or|of|for)$/i.test(before) && !DETERMINER.test(before + ' ');
    // Only a determiner or stray punctuation before the name (`the Rev. Mr. Brandt`, `' know enough ' Berger`).
    const alone = !before || /^(?:the|a)$/i.test(before) || /[^\p{L}\s]$/u.test(before);
    const cut = nameFromRun(last[0], names.runTagger);
    if (cut && (describedPerson || alone)) {
      const nameWords = cut.name.split(' ');
      // `Ordinary Williams` → the Williams last named with that title (`Ordinary Carey Williams`).
      const titled = cut.title && nameWords.length === 1 ? names.byTitle(cut.title, at, cut.name) : null;
      const full = titled ?? names.fullest(cut.name, at);
      const looksPerson = cut.honorific !== '' || cut.title !== '' || (nameWords.length >= 2 && !isGroupWord(nameWords[nameWords.length - 1]!)) || full !== cut.name;
      if (looksPerson || describedPerson) return { name: full, kind: 'person', honorific: cut.honorific, start: at, end };
    }
  }
  // `the governor`, `the President`: the person last named with that title.
  const head = words[words.length - 1]!;
  const headBare = head.toLowerCase().replace(/[’']s$/, '').replace(/[.,]$/, '');
  if (words.length <= 4 && TITLE_SET.has(headBare) && (words.length === 1 || DETERMINER.test(p))) {
    const person = names.byTitle(headBare, at);
    if (person) return { name: person, kind: 'person', honorific: '', start: at, end };
  }
  // `the (former) assistant secretary (of state)`: a person introduced with that role or title earlier (`E. M. Martin, assistant secretary of …`).
  const role = /^the\s+((?:former\s+|\p{L}[\p{L}-]*\s+){0,4}?(\p{Ll}[\p{L}-]*))(?:\s+(?:of|for)\s+[\p{L}\s]{1,40})?$/iu.exec(p);
  if (role && TITLE_SET.has(role[2]!.toLowerCase()) && words.length <= 9) {
    const roleWords = role[1]!.toLowerCase().replace(/^former\s+/, '');
    const person = names.byRole(roleWords, at) ?? names.byTitle(role[2]!.toLowerCase(), at);
    if (person) return { name: person, kind: 'person', honorific: '', start: at, end };
    // An office described as news does for someone already named (`the former secretary of labor`, `the Superior Court judge`), not a new participant (`the young lady`).
    const office = /\bformer\s|\s(?:of|for)\s|\s\p{Lu}/u.test(p.slice(4)) && !HONORIFIC_SET.has(role[2]!.toLowerCase());
    return { name: p.replace(DETERMINER, ''), kind: 'group', honorific: '', start: at, end, description: office };
  }
  // Otherwise a group or role: a known speaker noun, a capitalized head (`Russia’s Foreign Ministry`)
  // or a short determiner phrase (`the hotel owner`).
  if (words.some((w) => /^(?:is|was|were|are|be|been|said|says|has|have|had|will|would|could|can|did|not)$/i.test(w))) return null;
  // A description with a participle or place after it (`The taxi driver taking the visitor from the airport`): the noun phrase before it.
  const modified = /^((?:[Tt]he|[Aa]n?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Ll}[\p{L}-]*)\s+(?:\p{Ll}+ing|from|at|in|with|near)\s/u.exec(p);
  if (modified && !/ing$/.test(modified[1]!)) {
    const sp = speakerFromPhrase(modified[1]!, at, names);
    if (sp) return { ...sp, end };
  }
  const determined = DETERMINER.test(p) && words.length <= 6 && /^\p{L}+$/u.test(headBare);
  if (!SPEAKER_NOUN_SET.has(headBare) && !/^\p{Lu}/u.test(head) && !determined) return null;
  const name = p.replace(DETERMINER, '').replace(DETERMINER, '');
  return { name, kind: 'group', honorific: '', start: at, end };
}

/** The source named after `according to`: any short noun phrase (`Western estimates`), even if not a known speaker noun. */
export function sourceFromPhrase(phrase: string, at: number, names: NameIndex): Speaker | null {
  const sp = speakerFromPhrase(phrase, at, names);
  if (sp) return sp;
  const p = phrase.trim();
  if (!p || p.split(/\s+/).length > 6 || !/^\p{L}/u.test(p)) return null;
  return { name: p.replace(DETERMINER, ''), kind: 'group', honorific: '', start: at, end: at + p.length };
}

/** Whether a group speaker is one human (`the hotel owner`), whom `he` or `she` may stand for. */
export function isHumanRole(name: string): boolean {
  const words = name.split(/\s+/);
  const head = words[words.length - 1]!;
  return /^\p{Ll}/u.test(head) && !GROUP_NOUN_SET.has(head) && !/s$/.test(head) && !/\band\b/.test(name) && !isGroupWord(head);
}

function isGroupWord(w: string): boolean {
  return SPEAKER_NOUN_SET.has(w.toLowerCase()) || /^(?:Ministry|Department|Committee|Council|Court|Agency|Jury|Government|Party|Association|Union|Board|Commission|House|Senate|Office|Bureau|Army|Media|News|Times|Post|Press)$/.test(w);
}

/** Lower-case, without honorifics, determiners and punctuation: how speakers are compared. */
export function canonicalSpeaker(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFIC_SET.has(w) && !['the', 'a', 'an', 'both', 'one', 'this', 'that', 'these', 'those'].includes(w))
    .join(' ');
}
