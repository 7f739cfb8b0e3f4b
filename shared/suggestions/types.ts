// What the suggestion engine proposes: an annotation-to-be with the attributes the app's tag model
// records (speaker, claimant, denier, cue…), a confidence and the rule that produced it, so the
// analyst can see why it was proposed and accept or reject it with a key.

export type SuggestionTag = 'quote' | 'claim' | 'denial';

export interface SuggestionLink {
  type: 'denies';
  /** Id of the suggested claim this denial answers. */
  target: string;
}

export interface Suggestion {
  /** Stable across runs on the same text: a hash of tag, start, end and rule. */
  id: string;
  tag: SuggestionTag;
  /** Code point offsets over the text, `end` exclusive (docs/FORMAT.md). */
  start: number;
  end: number;
  /** The covered text. */
  exact: string;
  /** Quote: `speaker`, `cue`, `addressee`; Claim: `claimant`, `cue`, `subject`; Denial: `denier`, `cue`. Only what was found. */
  attributes: Record<string, string>;
  /** 0..1: how sure the rule is (see docs/suggestions.md for the scale). */
  confidence: number;
  /** Human-readable id of the rule, shown on hover (`quote: “…,” NAME CUE`). */
  rule: string;
  links?: SuggestionLink[];
}

export interface SuggestOptions {
  /** Only these tags (default: all three). */
  tags?: readonly SuggestionTag[];
  /** Drop suggestions below this confidence (default 0). */
  minConfidence?: number;
  /** Full names known from elsewhere (the folder), used with the article's own to normalize speakers. */
  knownNames?: readonly string[];
}
