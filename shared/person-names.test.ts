import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanName, fullestForm, groupNames, namesInText } from './person-names.js';

const article = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../shared/articles/putin-kim-vostochny-summit.txt');

describe('person names', () => {
  it('cleans titles, possessives and punctuation', () => {
    expect(cleanName('Mr Putin’s')).toBe('Putin');
    expect(cleanName('President Vladimir Putin:')).toBe('Vladimir Putin');
    expect(cleanName('RIA')).toBeNull();
    expect(cleanName('marshal Pak Jong')).toBe('Pak Jong');
  });

  it('groups short forms under the fullest one, most mentioned first', () => {
    expect(groupNames(['Mr Putin', 'Putin', 'Putin’s', 'President Vladimir Putin', 'Mr Kim', 'Kim Jong Un', 'Kim Jong'])).toEqual(['Vladimir Putin', 'Kim Jong Un']);
  });

  it('keeps an ambiguous short form apart', () => {
    expect(groupNames(['Kim Jong Un', 'Kim Yo Jong', 'Mr Kim'])).toContain('Kim');
  });

  it('maps a typed short form to the one full name it fits', () => {
    const known = ['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov'];
    expect(fullestForm('Mr Peskov', known)).toBe('Dmitry Peskov');
    expect(fullestForm('vladimir putin', known)).toBe('Vladimir Putin');
    expect(fullestForm('Maria Zakharova', known)).toBe('Maria Zakharova');
  });

  it.skipIf(!existsSync(article))('finds the people of the real article (needs ../shared/articles)', () => {
    const names = namesInText(readFileSync(article, 'utf8'));
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un', 'Dmitry Peskov', 'Maria Zakharova']));
    expect(names).not.toContain('Mr Putin');
    expect(names).not.toContain('Putin');
  });
});
