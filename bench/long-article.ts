// A long article with a sidecar of many annotations, written to a folder: the material of the
// render benchmark and of the long-document end-to-end test.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createAnnotation } from '../shared/annotations.js';
import { CodePointText } from '../shared/code-points.js';
import { buildSidecar, serializeSidecar, sidecarPathFor } from '../shared/sidecar-format.js';
import { DEFAULT_TAGS } from '../shared/tags.js';
import { loadSource } from '../host/services/source-files.js';
import { generateSpans, generateText } from './generate.js';

export const LONG_ARTICLE = 'long-article.txt';

/** Write `long-article.txt` (about `bytes` of text) and its sidecar of `count` overlapping annotations. */
export async function makeLongArticle(dir: string, bytes = 2 * 1024 * 1024, count = 10_000): Promise<{ file: string; text: string }> {
  const text = generateText(bytes, 11);
  const file = path.join(dir, LONG_ARTICLE);
  await fs.writeFile(file, text);
  const cp = new CodePointText(text);
  const spans = generateSpans(text, count, 12);
  const annotations = spans.map((s, i) => createAnnotation(cp, { tag: s.tag, start: s.start, end: s.end, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, now: new Date(0) }));
  const { fingerprint } = await loadSource(file);
  await fs.writeFile(sidecarPathFor(file), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, annotations)));
  return { file, text };
}
