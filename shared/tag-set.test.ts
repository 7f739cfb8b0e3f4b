import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotations.js';
import { CodePointText } from './code-points.js';
import { defaultTagSet, idFromLabel, parseTagSet, renameInTagSet, retagAnnotations, serializeTagSet, tagSetProblem, tagsForDocument } from './tag-set.js';

describe('the folder tag set', () => {
  it('round-trips through its file and refuses damaged or contradictory files with a reason', () => {
    const tags = defaultTagSet();
    expect(parseTagSet(serializeTagSet(tags))).toEqual({ kind: 'ok', tags });
    expect(parseTagSet('{').kind).toBe('invalid');
    const twoKeys = JSON.parse(serializeTagSet(tags));
    twoKeys.tags[1].key = '1';
    expect(parseTagSet(JSON.stringify(twoKeys))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('both use the key 1') });
    expect(tagSetProblem([...tags, { ...tags[0]!, key: '' }])).toMatch(/two tags have the id "claim"/);
    expect(tagSetProblem([{ ...tags[0]!, attributes: [{ id: 'verdict', label: 'Verdict', kind: 'choice' }] }])).toMatch(/choice without options/);
  });

  it('makes ids from labels, unique in the set', () => {
    expect(idFromLabel('Hearsay claim', [])).toBe('hearsay-claim');
    expect(idFromLabel('Réfutation', [])).toBe('refutation');
    expect(idFromLabel('Claim', ['claim'])).toBe('claim-2');
    expect(idFromLabel('2nd-hand', [])).toBe('t-2nd-hand');
  });

  it('renames a tag, or folds it into an existing one', () => {
    const tags = defaultTagSet();
    expect(renameInTagSet(tags, 'claim', 'assertion', 'Assertion').map((t) => [t.id, t.label, t.key])).toEqual([
      ['assertion', 'Assertion', '1'],
      ['quote', 'Quote', '2'],
      ['denial', 'Denial', '3'],
    ]);
    expect(renameInTagSet(tags, 'claim', 'quote').map((t) => t.id)).toEqual(['quote', 'denial']);
    expect(renameInTagSet(tags, 'unknown', 'claim')).toEqual(tags);
  });

  it('retags only the annotations with the old tag, and returns the same list when none has it', () => {
    const text = new CodePointText('a b c');
    const list = [createAnnotation(text, { tag: 'claim', start: 0, end: 1 }), createAnnotation(text, { tag: 'quote', start: 2, end: 3 })];
    expect(retagAnnotations(list, 'denial', 'x')).toBe(list);
    const renamed = retagAnnotations(list, 'claim', 'assertion', new Date('2026-01-01T00:00:00Z'));
    expect(renamed.map((a) => a.tag)).toEqual(['assertion', 'quote']);
    expect(renamed[0]!.modified).toBe('2026-01-01T00:00:00.000Z');
    expect(renamed[1]).toBe(list[1]);
  });

  it('shows a tag the folder does not know, from the sidecar\'s snapshot, without a key', () => {
    const { tags, unknown } = tagsForDocument(defaultTagSet(), [{ id: 'rumour', label: 'Rumour', color: '#7b61c4', key: '1' }], [{ tag: 'rumour' }, { tag: 'claim' }, { tag: 'mystery' }]);
    expect(unknown).toEqual(['mystery', 'rumour']);
    expect(tags.slice(3)).toEqual([
      { id: 'rumour', label: 'Rumour', color: '#7b61c4', key: '' },
      { id: 'mystery', label: 'mystery', color: '#8a8a8a', key: '' },
    ]);
  });
});
