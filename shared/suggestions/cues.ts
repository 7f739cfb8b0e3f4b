// The words the suggestion rules look for, in one place, so that a rule reads as a pattern and the
// vocabulary can be reviewed (and extended) without touching the rules. Every list is lower-case;
// the rules compare case-insensitively unless they say otherwise.

/** Verbs that attribute a direct quote to its speaker (`“…,” Mr Kim told Mr Putin`). */
export const QUOTE_CUES = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'replied', 'replies',
  'answered', 'explained', 'declared', 'stated', 'noted', 'insisted', 'warned', 'urged', 'continued',
  'claimed', 'argued', 'wrote', 'writes', 'recalled', 'remarked', 'observed', 'commented', 'announced',
  'concluded', 'conceded', 'acknowledged', 'admitted', 'cried', 'exclaimed', 'shouted', 'whispered',
  'muttered', 'murmured', 'repeated', 'responded', 'retorted', 'suggested', 'agreed', 'began', 'went on',
  'pleaded', 'protested', 'promised', 'predicted', 'vowed', 'pledged', 'boasted', 'complained',
  'charged', 'testified', 'reported', 'thought', 'called', 'demanded', 'inquired', 'returned', 'rejoined',
  'recommended', 'recommends', 'asking', 'pleads', 'pleaded', 'proposed', 'advised', 'contended', 'remarks',
  'remarked', 'ruled', 'termed', 'described', 'indicated', 'declares', 'insists', 'notes',
] as const;

/**
 * Verbs whose `that`-clause (or bare clause) is a reported assertion: a Claim. `said` is here too:
 * `Mr Putin said Russia complied with international rules` is a claim when no quote marks follow.
 */
export const CLAIM_CUES = [
  'said', 'says', 'told', 'claimed', 'claims', 'alleged', 'alleges', 'argued', 'argues', 'asserted',
  'asserts', 'insisted', 'insists', 'maintained', 'maintains', 'warned', 'warns', 'stated', 'states',
  'declared', 'declares', 'contended', 'contends', 'charged', 'reported', 'reports', 'announced',
  'announces', 'predicted', 'believes', 'believed', 'testified', 'acknowledged', 'admitted',
  'suggested', 'estimated', 'added', 'noted', 'explained', 'disclosed', 'revealed', 'confirmed',
  'ruled', 'remarks', 'remarked', 'assured', 'indicated', 'pointed out', 'contend', 'insist', 'warn', 'say', 'claim',
] as const;

/** Multi-word claim cues ending in `that`: `have expressed concern that …`. */
export const CLAIM_PHRASE_CUES = ['expressed concern', 'expressed fears', 'raised concerns', 'made clear', 'pointed out', 'went on to say'] as const;

/** `X accused Y of Z`: a claim about Y. */
export const ACCUSE_CUES = ['accused', 'accuses', 'accuse', 'blamed', 'blames', 'charged'] as const;

/** Verbs of denial, used actively: `Moscow and Pyongyang have denied such intentions`. */
export const DENIAL_CUES = ['denied', 'denies', 'deny', 'denying', 'refuted', 'refutes', 'disputed', 'disputes', 'contested'] as const;

/** Verbs that deny only when their object is a claim (`rejected the claims`, `dismissed … as`). */
export const REJECT_CUES = ['rejected', 'rejects', 'dismissed', 'dismisses', 'brushed aside', 'scoffed at', 'repudiated'] as const;

/** Nouns that make `rejected …`/`dismissed …` a denial, and that refer back to a claim (`those claims`). */
export const CLAIM_NOUNS = [
  'claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'report', 'reports',
  'charge', 'charges', 'suggestion', 'suggestions', 'assertion', 'assertions', 'rumour', 'rumours',
  'rumor', 'rumors', 'speculation', 'intention', 'intentions', 'story', 'stories', 'account', 'criticism',
] as const;

/** Objects of `denied` that mean refusing something, not denying a claim (`denied bail`). */
export const NON_DENIAL_OBJECTS = [
  'access', 'entry', 'bail', 'visa', 'visas', 'permission', 'request', 'requests', 'application', 'motion',
  'appeal', 'petition', 'motions', 'requests', 'appeals', 'petitions', 'applications', 'him', 'her', 'them', 'me', 'us', 'you', 'himself', 'herself', 'themselves', 'the right',
  'a chance', 'admission', 'service', 'treatment', 'funds', 'funding', 'credit', 'parole', 'custody',
] as const;

/** Honorifics before a name; they also tell a pronoun's gender. */
export const MALE_HONORIFICS = ['mr', 'mister', 'sir', 'lord', 'king', 'prince', 'father', 'brother'] as const;
export const FEMALE_HONORIFICS = ['mrs', 'ms', 'miss', 'madam', 'dame', 'lady', 'queen', 'princess', 'sister'] as const;
export const HONORIFICS = [...MALE_HONORIFICS, ...FEMALE_HONORIFICS, 'dr', 'prof', 'rev', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'lt', 'sgt', 'atty', 'supt', 'hon'] as const;

/**
 * Capitalized titles inside a run of capitalized words: what precedes them is a description,
 * not the name (`Fulton Superior Court Judge Durwood Pye` → `Durwood Pye`).
 */
export const NAME_TITLES = [
  'president', 'vice-president', 'minister', 'chancellor', 'secretary', 'senator', 'sen', 'rep', 'representative',
  'governor', 'gov', 'mayor', 'mayor-nominate', 'judge', 'justice', 'spokesman', 'spokeswoman', 'spokesperson',
  'chairman', 'chairwoman', 'director', 'commissioner', 'councilman', 'alderman', 'sheriff', 'marshal',
  'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'admiral', 'leader', 'king', 'queen', 'prince',
  'pope', 'rev', 'reverend', 'dr', 'prof', 'professor', 'atty', 'attorney', 'solicitor', 'supt', 'superintendent',
  'mr', 'mrs', 'ms', 'miss', 'sir', 'lord', 'lady', 'dame', 'coach', 'manager', 'chief', 'officer', 'sgt', 'lt',
  'controller', 'comptroller', 'treasurer', 'auditor', 'clerk', 'assessor', 'supervisor', 'freeholder', 'policeman',
  'patrolman', 'detective', 'trooper', 'councilwoman', 'congressman', 'congresswoman', 'assemblyman', 'ambassador',
  'envoy', 'premier', 'counsel', 'ordinary', 'princess', 'duke', 'bishop', 'cardinal', 'rabbi', 'dean', 'provost',
] as const;

/** Heads of speakers that are organizations or documents, not people: `he`/`she` never refers to them. */
export const GROUP_NOUNS = [
  'jury', 'committee', 'council', 'board', 'court', 'police', 'government', 'ministry', 'military', 'agency',
  'media', 'report', 'statement', 'department', 'administration', 'authorities', 'army', 'party', 'union',
  'company', 'firm', 'group', 'house', 'senate', 'legislature', 'association', 'federation', 'bureau', 'office',
  'resolution', 'petition', 'letter', 'memo', 'ruling', 'study', 'survey', 'presentments', 'newspaper', 'paper',
  'kremlin', 'pentagon', 'club', 'corps', 'commission', 'league', 'church', 'denomination', 'beliefs', 'estimates',
] as const;

/** Capitalized words that start sentences or name places and groups, never part of a person's name. */
export const NOT_NAME_WORDS = [
  'the', 'a', 'an', 'and', 'but', 'or', 'when', 'after', 'before', 'as', 'at', 'in', 'on', 'of', 'for', 'if',
  'with', 'while', 'then', 'that', 'this', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her',
  'their', 'our', 'its', 'both', 'amid', 'asked', 'hours', 'during', 'since', 'until', 'however', 'meanwhile',
  'nevertheless', 'also', 'yet', 'so', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'to', 'from', 'by',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mrs', 'mr', 'ms',
  'no', 'not', 'all', 'some', 'many', 'one', 'two', 'three', 'each', 'every', 'more', 'most', 'said', 'says',
] as const;

/** Words between a speaker and the cue that belong to neither (`the jury further said`). */
export const CUE_MODIFIERS = [
  'has', 'have', 'had', 'also', 'further', 'later', 'earlier', 'then', 'again', 'once', 'repeatedly', 'previously',
  'publicly', 'privately', 'flatly', 'firmly', 'strongly', 'categorically', 'vehemently', 'already', 'long',
  'both', 'all', 'recently', 'simply', 'only', 'still', 'now', 'today', 'yesterday', 'reportedly', 'quickly',
  'immediately', 'openly', 'angrily', 'calmly', 'just', 'would', 'will', 'did', 'does', 'do', 'is', 'was', 'were', 'had been', 'not', 'never',
] as const;

/** Time words that may sit between `said` and its clause (`the jury said Friday an investigation …`). */
export const TIME_WORDS = [
  'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'last week', 'this week', 'last month', 'last year', 'earlier', 'later', 'recently', 'on monday', 'on tuesday',
  'on wednesday', 'on thursday', 'on friday', 'on saturday', 'on sunday', 'in a statement', 'in an interview',
  'in a report', 'at a news conference', 'in a speech',
] as const;

/** Pronouns that may stand for a speaker, with what they can refer to. */
export const PRONOUNS: Record<string, 'male' | 'female' | 'plural' | 'thing' | 'first'> = {
  he: 'male', she: 'female', they: 'plural', it: 'thing', we: 'first', i: 'first',
};

/**
 * Head nouns of speakers that are not names (`the jury said`, `analysts said`), so that a common
 * noun phrase before a cue can be taken as its speaker.
 */
export const SPEAKER_NOUNS = [
  'jury', 'jurors', 'committee', 'council', 'board', 'court', 'police', 'official', 'officials', 'spokesman',
  'spokeswoman', 'spokesperson', 'analyst', 'analysts', 'expert', 'experts', 'source', 'sources', 'government',
  'ministry', 'military', 'agency', 'media', 'report', 'statement', 'mayor', 'governor', 'president', 'senator',
  'leader', 'leaders', 'minister', 'department', 'administration', 'authorities', 'army', 'witness', 'witnesses',
  'residents', 'critics', 'diplomats', 'observers', 'lawyer', 'lawyers', 'attorney', 'prosecutor', 'prosecutors',
  'judge', 'chairman', 'secretary', 'director', 'commissioner', 'party', 'union', 'company', 'firm', 'group',
  'students', 'parents', 'members', 'man', 'woman', 'people', 'officer', 'officers', 'coach', 'manager',
  'legislators', 'lawmakers', 'senators', 'congressman', 'candidate', 'opponents', 'supporters', 'voters',
  'house', 'senate', 'legislature', 'association', 'federation', 'bureau', 'office', 'kremlin', 'pentagon',
  'white house', 'us', 'u.s.', 'uk', 'un', 'nato', 'presentments', 'newspaper', 'paper', 'survey', 'study',
  'resolution', 'petition', 'letter', 'memo',
] as const;

/** Words after which a reported clause cannot start: `said it` is fine, `said to` or `said goodbye` is not. */
export const NOT_CLAUSE_STARTS = ['to', 'goodbye', 'hello', 'nothing', 'so', 'yes', 'no', 'as', 'in', 'of', 'by', 'for', 'with', 'about', 'at', 'from', 'and', 'or', 'but'] as const;
