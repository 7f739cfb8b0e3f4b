// docs/sidecar.schema.json is generated from the same zod schema the code validates with. This
// test fails when the published file is out of date (`npm run schema` rewrites it), and checks
// that the schema accepts real sidecars and rejects a damaged one, with an independent validator.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SidecarSchema } from '../shared/sidecar-format.js';

const FILE = new URL('./sidecar.schema.json', import.meta.url);

function generate(): string {
  const schema = z.toJSONSchema(SidecarSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return (
    JSON.stringify(
      { $id: 'https://gloss.app/schema/sidecar-v1.json', title: 'Gloss annotation sidecar, format version 1', description: 'See docs/FORMAT.md. Offsets are Unicode code points over the decoded source text.', ...schema },
      null,
      2,
    ) + '\n'
  );
}

describe('published JSON Schema', () => {
  if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, generate());

  it('is generated from the code\'s schema (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(generate());
  });

  it('accepts the sample sidecar and rejects a damaged one (checked with ajv)', () => {
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
});
