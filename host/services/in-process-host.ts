// A GlossHost that calls GlossServices directly in the same process, through the same dispatch
// (validation included) the real hosts use. Test seam: lets the renderer's store and autosave be
// tested against real files without a browser or Electron.
import { CONTRACT_NAMES, type GlossHost } from '../../shared/contract.js';
import { GlossError } from '../../shared/errors.js';
import type { GlossServices } from './gloss-services.js';

export function inProcessHost(services: GlossServices): GlossHost {
  const entries = Object.fromEntries(
    CONTRACT_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        // A JSON round trip, as over HTTP or IPC, so nothing is shared by reference.
        const result = await services.dispatch(name, JSON.parse(JSON.stringify(input)));
        if (!result.ok) throw new GlossError(result.error.code, result.error.message);
        return JSON.parse(JSON.stringify(result.value));
      },
    ]),
  );
  return { ...(entries as Omit<GlossHost, 'onEvent'>), onEvent: (listener) => services.onEvent(listener) };
}
