// A compiled check of the sidecar schema for the host. Folder passes (exports, the index of
// counts) validate thousands of sidecars; zod's parse copies every annotation as it checks it,
// and took about a third of an export of 200,000 annotations. ajv compiles the JSON Schema that
// zod derives from the same definition (the one published as docs/sidecar.schema.json) into code
// that checks the parsed object in place, about 5× faster; the code is generated ahead of time
// (sidecar-check.generated.js, by `npm run schema`, checked current by docs/json-schema.test.ts)
// so no process pays ajv's compile (0.1 s), and opening one file uses it too. It only ever says yes: whatever it
// does not accept goes on to zod, which stays the authority and writes the message (see
// `parseSidecar`). Both agree on what a valid sidecar is — the JSON Schema forbids the extra
// properties zod would strip, the one refinement (end ≥ start) is checked here too, and
// sidecar-validator.test.ts checks the two agree on thousands of generated, damaged sidecars.
import type { Sidecar } from '../../shared/sidecar-format.js';
import validate from './sidecar-check.generated.js';

/** True when `data` is certainly a valid sidecar (false: ask zod). */
export function acceptsSidecar(data: unknown): data is Sidecar {
  if (!validate(data)) return false;
  // What the JSON Schema cannot say: zod's refinement, and a `__proto__` attribute key (an own
  // property from JSON.parse, which zod's copy would not keep), left to zod.
  return (data as Sidecar).annotations.every((a) => a.end >= a.start && !Object.hasOwn(a.attributes, '__proto__'));
}
