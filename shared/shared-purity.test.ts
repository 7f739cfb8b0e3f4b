// shared/ must stay pure TypeScript that runs anywhere (renderer, Node, a worker): this test
// fails when a module there imports anything but its allowed pure libraries or another shared module.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);

describe('shared/ purity', () => {
  it('imports only zod, approx-string-match, compromise and other shared modules', () => {
    const offenders: string[] = [];
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (!['zod', 'approx-string-match', 'compromise'].includes(spec) && !spec.startsWith('./') && !spec.startsWith('../')) offenders.push(`${file}: ${spec}`);
        if (spec.startsWith('../') && path.resolve(dir, path.dirname(file), spec).startsWith(path.resolve(dir, '..') + path.sep) && !path.resolve(dir, path.dirname(file), spec).startsWith(dir)) offenders.push(`${file}: ${spec} (outside shared/)`);
      }
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (/\b(document|window)\./.test(code)) offenders.push(`${file}: uses the DOM`);
    }
    expect(offenders).toEqual([]);
  });
});
