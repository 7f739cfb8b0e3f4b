import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../../../shared/errors.js';
import { extractArticle, extractedFormat, toTextBlocks } from './index.js';
import { ArticleTextBuilder } from './article.js';
import { EXTRACTOR_IDS, LIBRARY_VERSIONS } from './versions.js';

describe('extractors index', () => {
  it('knows which files are extracted', () => {
    expect(extractedFormat('a/Page.HTML')).toBe('html');
    expect(extractedFormat('page.htm')).toBe('html');
    expect(extractedFormat('memo.docx')).toBe('docx');
    expect(extractedFormat('report.pdf')).toBe('pdf');
    expect(extractedFormat('notes.txt')).toBeNull();
    expect(extractedFormat('old.doc')).toBeNull();
  });

  it('dispatches by extension and refuses what it cannot extract', async () => {
    const page = new TextEncoder().encode('<p>Hello</p>');
    expect((await extractArticle(page, 'x/page.html')).extractor).toBe(EXTRACTOR_IDS.html);
    await expect(extractArticle(page, 'page.txt')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(extractArticle(page, 'page.pdf')).rejects.toBeInstanceOf(GlossError);
    await expect(extractArticle(new Uint8Array(33 * 1024 * 1024), 'huge.pdf')).rejects.toMatchObject({ code: 'too-large' });
  });

  it('pins the versions package.json pins (an upgrade must change the extractor ids)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(LIBRARY_VERSIONS)) {
      expect(pkg.dependencies[name], name).toBe(version);
      const installed = JSON.parse(readFileSync(new URL(`../../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string };
      expect(installed.version, name).toBe(version);
    }
  });

  it('cuts long blocks for the reader, keeping kinds', () => {
    const b = new ArticleTextBuilder();
    b.add('Title', 'heading', 2);
    b.add('word '.repeat(5000), 'quote');
    const { text, blocks } = b.build();
    const reader = toTextBlocks(text, blocks, 10_000);
    expect(reader[0]).toEqual({ start: 0, end: 5, kind: 'heading', level: 2, continued: false });
    expect(reader.length).toBe(4);
    expect(reader.slice(1).every((r) => r.kind === 'quote' && r.end - r.start <= 10_000)).toBe(true);
    expect(reader.slice(2).every((r) => r.continued)).toBe(true);
    expect(reader.at(-1)!.end).toBe(text.length);
    expect(toTextBlocks('', [])).toEqual([{ start: 0, end: 0, kind: 'paragraph', level: 0, continued: false }]);
  });
});
