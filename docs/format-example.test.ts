// Keeps docs/FORMAT.md true: its example must validate and its offsets must cover `exact` in the
// example text it states.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSidecar } from '../shared/sidecar-format.js';

const doc = readFileSync(new URL('./FORMAT.md', import.meta.url), 'utf8');
const TEXT = 'Mr Putin 😀 said: \u201cThat\u2019s why we came here.\u201d\r\nBoth denied it.\r\n';

describe('docs/FORMAT.md example', () => {
  it('validates and its offsets are code points over the stated text', () => {
    const json = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const parsed = parseSidecar(json);
    if (parsed.kind !== 'ok') throw new Error(JSON.stringify(parsed));
    const { source, annotations } = parsed.sidecar;
    const bytes = Buffer.from(TEXT, 'utf8');
    expect(source).toMatchObject({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), codePoints: Array.from(TEXT).length });
    const a = annotations[0]!;
    expect(Array.from(TEXT).slice(a.start, a.end).join('')).toBe(a.exact);
    expect(Array.from(TEXT).slice(a.start - Array.from(a.prefix).length, a.start).join('')).toBe(a.prefix);
    expect(Array.from(TEXT).slice(a.end, a.end + Array.from(a.suffix).length).join('')).toBe(a.suffix);
  });
});
