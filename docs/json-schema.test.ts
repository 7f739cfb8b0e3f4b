// docs/sidecar.schema.json and docs/tagset.schema.json are generated from the same zod schemas the
// code validates with. This test fails when a published file is out of date (`npm run schema`
// rewrites them), and checks with an independent validator (ajv) that the schemas accept real
// files and reject damaged ones.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SidecarSchema } from '../shared/sidecar-format.js';
import { defaultTagSet, serializeTagSet, TagSetFileSchema } from '../shared/tag-set.js';

const FILE = new URL('./sidecar.schema.json', import.meta.url);
const TAG_SET_FILE = new URL('./tagset.schema.json', import.meta.url);

function generate(schemaOf: z.ZodType, head: { $id: string; title: string; description: string }): string {
  const schema = z.toJSONSchema(schemaOf, { target: 'draft-2020-12', unrepresentable: 'any' });
  return JSON.stringify({ ...head, ...schema }, null, 2) + '\n';
}

const sidecarSchema = () =>
  generate(SidecarSchema, {
    $id: 'https://gloss.app/schema/sidecar-v1.json',
    title: 'Gloss annotation sidecar, format version 1',
    description: 'See docs/FORMAT.md. Offsets are Unicode code points over the decoded source text.',
  });
const tagSetSchema = () =>
  generate(TagSetFileSchema, {
    $id: 'https://gloss.app/schema/tagset-v1.json',
    title: 'Gloss folder tag set (gloss-tags.json), format version 1',
    description: 'See docs/FORMAT.md, "The folder\'s tag set".',
  });

describe('published JSON Schemas', () => {
  if (process.env.UPDATE_SCHEMA) {
    writeFileSync(FILE, sidecarSchema());
    writeFileSync(TAG_SET_FILE, tagSetSchema());
  }

  it('are generated from the code\'s schemas (run `npm run schema` after changing a format)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(sidecarSchema());
    expect(readFileSync(TAG_SET_FILE, 'utf8')).toBe(tagSetSchema());
  });

  it('accept the sample sidecar and reject a damaged one (checked with ajv)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(FILE, 'utf8')));
    const sample = JSON.parse(readFileSync(new URL('../samples/harbour-bridge-contract.txt.gloss.json', import.meta.url), 'utf8'));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const damaged = structuredClone(sample);
    damaged.annotations[0].start = -1;
    delete damaged.annotations[1].exact;
    expect(validate(damaged)).toBe(false);
  });

  it('accept the default tag-set file and reject one with a bad colour (checked with ajv)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(TAG_SET_FILE, 'utf8')));
    const file = JSON.parse(serializeTagSet(defaultTagSet()));
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    file.tags[0].color = 'red';
    expect(validate(file)).toBe(false);
  });
});
