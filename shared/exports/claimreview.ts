// schema.org ClaimReview export (JSON-LD), the markup fact-checkers publish so search engines can
// show their verdicts: one ClaimReview per claim whose `verdict` attribute is set (and is not
// `unverified`, which is no verdict). claimReviewed is the claim's text; reviewRating carries the
// verdict as alternateName (and, for Gloss's own verdicts, a 1–5 ratingValue); itemReviewed is a
// Claim by the claimant, appearing in the article. `url` (the review's page) and the publisher
// are only known to the caller (CLI options); without them they are left out, never made up. The
// analyst's note is not published (it is often internal).
import type { ExportRecord } from './export-record.js';

export const SCHEMA_ORG_CONTEXT = 'https://schema.org';

/** Gloss's verdicts on a 1 (false) to 5 (true) scale; other verdicts get alternateName only. */
export const VERDICT_RATINGS: Readonly<Record<string, { name: string; value: number }>> = {
  false: { name: 'False', value: 1 },
  misleading: { name: 'Misleading', value: 2 },
  unsupported: { name: 'Unsupported', value: 3 },
  true: { name: 'True', value: 5 },
};

export interface ClaimReviewOptions {
  /** Who publishes the reviews: the review's author and sdPublisher. */
  publisher?: { name: string; url?: string };
  /** Base URL of the published reviews: `url` = base + `#` + annotation id. */
  reviewUrlBase?: string;
  /** Base URL where the articles are published: the claim's appearance = base + source path. */
  sourceUrlBase?: string;
}

/** Whether an annotation is exported as a ClaimReview: it has a verdict other than `unverified`. */
export function hasVerdict(record: ExportRecord): boolean {
  const v = record.annotation.attributes.verdict?.trim();
  return !!v && v.toLowerCase() !== 'unverified';
}

export function toClaimReview(record: ExportRecord, options: ClaimReviewOptions = {}): Record<string, unknown> {
  const a = record.annotation;
  const verdict = a.attributes.verdict!.trim();
  const known = VERDICT_RATINGS[verdict.toLowerCase()];
  const organization = options.publisher ? { '@type': 'Organization', name: options.publisher.name, ...(options.publisher.url ? { url: options.publisher.url } : {}) } : undefined;
  const appearance: Record<string, unknown> = { '@type': 'CreativeWork', name: record.file };
  if (options.sourceUrlBase) appearance.url = options.sourceUrlBase + record.file.split('/').map(encodeURIComponent).join('/');
  const claimant = a.attributes.claimant?.trim();
  return {
    '@type': 'ClaimReview',
    '@id': `urn:uuid:${a.id}`,
    ...(options.reviewUrlBase ? { url: `${options.reviewUrlBase}#${a.id}` } : {}),
    claimReviewed: a.exact,
    datePublished: a.modified.slice(0, 10),
    author: organization ?? (a.author ? { '@type': 'Person', name: a.author } : undefined),
    ...(organization ? { sdPublisher: organization } : {}),
    reviewRating: {
      '@type': 'Rating',
      alternateName: known?.name ?? verdict,
      ...(known ? { ratingValue: known.value, bestRating: 5, worstRating: 1 } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: { '@type': 'Person', name: claimant } } : {}),
      appearance,
    },
  };
}

export const CLAIMREVIEW_HEAD = `{"@context":"${SCHEMA_ORG_CONTEXT}","@graph":[\n`;
export const CLAIMREVIEW_TAIL = '\n]}\n';
