// shared/ must stay pure TypeScript that runs anywhere (renderer, Node, a worker): this test
// fails when a module there imports anything but zod or another shared module.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);

describe('shared/ purity', () => {
  it('imports only zod, approx-string-match and other shared modules', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (!['zod', 'approx-string-match'].includes(spec) && !spec.startsWith('./')) offenders.push(`${file}: ${spec}`);
      }
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      if (/\b(document|window)\./.test(code)) offenders.push(`${file}: uses the DOM`);
    }
    expect(offenders).toEqual([]);
  });
});
