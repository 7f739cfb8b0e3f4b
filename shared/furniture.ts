// Scraped page furniture in plain-text sources: the lines a copy-paste or a scraper brings along
// with an article — CSS rules, embed placeholders ("Remote video URL", "Embed Twitter"), "More On
// This Topic" with its headlines, "- Advertisment -", channel promotions, share buttons, bare
// URLs, breadcrumbs. The reader can dim or hide them without changing the file or any offset.
// Conservative by design: every pattern matches a whole line, and the context-free ones only
// short lines that are not sentences, so a paragraph of prose is never flagged (furniture.test.ts
// runs the detector over real articles' paragraphs). Pure: text in, line ranges out.

/// Why a line is furniture.
export type FurnitureKind = 'css' | 'embed' | 'related' | 'advert' | 'promo' | 'share' | 'url' | 'breadcrumb';

/// One furniture line: UTF-16 [start, end) of the line's content in the text (its line break excluded).
export interface FurnitureLine {
  start: number;
  end: number;
  kind: FurnitureKind;
  /** Name of the pattern that matched (`FURNITURE_PATTERNS[].name`, or `css-rule`, `related-headline`). */
  pattern: string;
}

export interface FurniturePattern {
  name: string;
  kind: FurnitureKind;
  /** Tested against the whole line, trimmed. */
  re: RegExp;
  /** A heading that the headlines after it belong to ("More On This Topic"). */
  startsRelatedList?: boolean;
}

/// The patterns, one per line. Each must match a whole trimmed line (anchored ^…$).
export const FURNITURE_PATTERNS: readonly FurniturePattern[] = [
  { name: 'video-placeholder', kind: 'embed', re: /^(remote|embedded)? ?video (url|link|player)$/i },
  { name: 'embed-placeholder', kind: 'embed', re: /^embed(ded)? (twitter|tweet|instagram|facebook|youtube|tiktok|video|code|post)$/i },
  { name: 'social-url-placeholder', kind: 'embed', re: /^(tweet|twitter|instagram|facebook|youtube|tiktok) (url|link|embed|post)$/i },
  {
    name: 'related-heading',
    kind: 'related',
    re: /^(more on this topic|more from [^.!?]{1,30}|related( articles| stories| coverage| content| topics| news)?|read (more|also|next)|also read|see also|recommended( for you| stories)?|you (may|might) also like|most (popular|read|viewed|shared)|trending( now| stories)?|top stories|latest (news|stories)|editor[’']?s picks|don[’']?t miss)\s*:?$/i,
    startsRelatedList: true,
  },
  { name: 'advert', kind: 'advert', re: /^[-–—|•\s]*(advertisement|advertisment|advertising|advert|sponsored( content)?|promoted( content)?|ad|ads by .{1,30})[-–—|•\s]*$/i },
  // "Join ST's Telegram channel and get the latest breaking news delivered to you." — but not a sentence reporting what someone said.
  { name: 'channel-promo', kind: 'promo', re: /^(join|follow) [^.!?]{0,40}\b(telegram|whatsapp|signal|viber|google news) (channel|group|community)\b(?!.*\b(said|says|told|according)\b).{0,100}$/i },
  { name: 'newsletter-promo', kind: 'promo', re: /^(subscribe|sign up|register)( now| today| here)?( (to|for) (our|the|a|an) [^.!?]{0,50}\b(newsletter|alerts|updates|briefing|digest|podcast))?[.!]?$/i },
  { name: 'share', kind: 'share', re: /^(share( this( article| story| page)?)?( on (facebook|twitter|x|whatsapp|linkedin|telegram|email))?|share via .{1,20}|tweet|email|e-mail|print|copy link|link copied|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest)$/i },
  { name: 'follow', kind: 'share', re: /^follow (us|.{1,30}) on (facebook|twitter|x|instagram|linkedin|youtube|tiktok|threads)[.!]?$/i },
  { name: 'bare-url', kind: 'url', re: /^(https?:\/\/|www\.)[^\s]+$/i },
  { name: 'breadcrumb', kind: 'breadcrumb', re: /^(home|start|front page)\s*([›»>|/]\s*[^›»>|/]{1,40}){1,6}$/i },
  // "Home" glued to a section name and a truncated headline, as breadcrumbs come out of a copy: "HomeasiaPutin and … and...".
  { name: 'glued-breadcrumb', kind: 'breadcrumb', re: /^Home[a-z]+\p{Lu}.{0,200}(\.\.\.|…)$/u },
];

/** A CSS selector line opening a rule: `p.st_telegram:before {`, `@media (max-width: 600px) {`. */
const CSS_RULE_START = /^(@[a-z-]+[^{}]*|[a-z*.#:[][\w\s.#:>+~*[\]="'^$|(),-]*)\{\s*$/i;
/** A declaration: `border-radius: 6px;`, `font-family: “Selane”, Georgia, serif;`. */
const CSS_DECLARATION = /^-{0,2}[a-z][a-z-]*\s*:\s*[^;{}]{1,300};?$/;
/** Properties recognised outside a rule (a declaration line without a selector before it). */
const CSS_PROPERTIES = new Set([
  'display', 'content', 'border', 'border-radius', 'height', 'width', 'background', 'background-color', 'color', 'margin', 'margin-left',
  'margin-right', 'margin-top', 'margin-bottom', 'padding', 'padding-left', 'padding-right', 'padding-top', 'padding-bottom', 'font',
  'font-family', 'font-size', 'font-weight', 'line-height', 'position', 'top', 'left', 'right', 'bottom', 'z-index', 'float', 'clear',
  'text-align', 'text-decoration', 'vertical-align', 'overflow', 'opacity', 'visibility', 'max-width', 'min-width', 'max-height',
  'min-height', 'box-sizing', 'cursor', 'transition', 'transform', 'flex', 'justify-content', 'align-items', 'grid-template-columns',
]);

/** Longest line a headline after a "related" heading can be, and how many such headlines are taken. */
const MAX_HEADLINE_LENGTH = 160;
const MAX_RELATED_HEADLINES = 8;

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 10 && c !== 13) continue;
    out.push({ start, end: i, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return out;
}

/** A headline rather than a sentence: a few words, no sentence-final punctuation. */
function looksLikeHeadline(t: string): boolean {
  return t.length <= MAX_HEADLINE_LENGTH && /\s/.test(t) && !/[.!?;:,"”’»)]$/.test(t) && /^[\p{Lu}\p{N}"“‘'«]/u.test(t);
}

/// The furniture lines of `text`, in order. Offsets are UTF-16 units of the string (convert with
/// shared/code-points.ts for stored offsets). Blank lines are never reported.
export function detectFurniture(text: string): FurnitureLine[] {
  const found: FurnitureLine[] = [];
  const all = lines(text);
  let inCss = false;
  let relatedLeft = 0;
  for (const line of all) {
    const t = line.text.trim();
    if (t === '') continue;
    const start = line.start + (line.text.length - line.text.trimStart().length);
    const end = line.end - (line.text.length - line.text.trimEnd().length);
    const flag = (kind: FurnitureKind, pattern: string) => found.push({ start, end, kind, pattern });

    // CSS: a rule's selector line opens a run of declarations that ends at "}" or at the first
    // line that is neither a declaration nor another rule (scraped CSS often loses its braces).
    if (CSS_RULE_START.test(t)) {
      inCss = true;
      flag('css', 'css-rule');
      continue;
    }
    if (inCss && (t === '}' || CSS_DECLARATION.test(t))) {
      flag('css', 'css-rule');
      if (t === '}') inCss = false;
      continue;
    }
    inCss = false;
    if (CSS_DECLARATION.test(t) && t.endsWith(';') && CSS_PROPERTIES.has(t.slice(0, t.indexOf(':')).trim().replace(/^-+/, ''))) {
      flag('css', 'css-declaration');
      continue;
    }

    const pattern = FURNITURE_PATTERNS.find((p) => p.re.test(t));
    if (pattern) {
      flag(pattern.kind, pattern.name);
      relatedLeft = pattern.startsRelatedList ? MAX_RELATED_HEADLINES : 0;
      continue;
    }
    // The headlines listed under "More On This Topic" (and only there).
    if (relatedLeft > 0 && looksLikeHeadline(t)) {
      flag('related', 'related-headline');
      relatedLeft--;
      continue;
    }
    relatedLeft = 0;
  }
  return found;
}

/**
 * Which of the reader's blocks are furniture through and through: every non-blank line of the
 * block is a furniture line. A block that mixes furniture with prose stays as it is.
 */
export function furnitureBlocks(text: string, blocks: readonly { start: number; end: number }[], found: readonly FurnitureLine[] = detectFurniture(text)): number[] {
  const out: number[] = [];
  let f = 0;
  blocks.forEach((block, i) => {
    while (f < found.length && found[f]!.end <= block.start) f++;
    let k = f;
    let covered = true;
    let any = false;
    const LINE = /[^\r\n]+/g;
    const content = text.slice(block.start, block.end);
    for (let m = LINE.exec(content); m; m = LINE.exec(content)) {
      if (m[0].trim() === '') continue;
      const lineStart = block.start + m.index + (m[0].length - m[0].trimStart().length);
      while (k < found.length && found[k]!.end <= lineStart) k++;
      if (k < found.length && found[k]!.start === lineStart) any = true;
      else {
        covered = false;
        break;
      }
    }
    if (covered && any) out.push(i);
  });
  return out;
}
