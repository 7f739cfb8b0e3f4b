// The renderer's side of the browser host: the contract over HTTP (POST /api/<entry> with the
// launch token) and host events over server-sent events. In Electron the preload provides the
// same GlossHost instead.
import { CONTRACT_NAMES, HostEventSchema, type ContractName, type GlossHost, type HostEvent } from '../../shared/contract.js';
import { GlossError, type WireError } from '../../shared/errors.js';

export function createWebHostClient(token: string, base = ''): GlossHost {
  const call = async (name: ContractName, input: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
        body: JSON.stringify(input),
      });
    } catch {
      throw new GlossError('internal', 'Gloss lost its connection to the host. Is `npm run web` still running?');
    }
    // text() then JSON.parse: measured faster here than response.json() on multi-megabyte replies.
    const body = await response.text().catch(() => '');
    let reply: { ok: true; value: unknown } | { ok: false; error: WireError } | null = null;
    try {
      reply = JSON.parse(body);
    } catch {
      reply = null;
    }
    if (!reply) throw new GlossError('internal', `The host answered ${response.status} without a readable reply.`);
    if (!reply.ok) throw new GlossError(reply.error.code, reply.error.message);
    return reply.value;
  };

  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const parsed = HostEventSchema.safeParse(JSON.parse(String(message.data)));
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
  };

  const entries = Object.fromEntries(CONTRACT_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
  return {
    ...(entries as Omit<GlossHost, 'onEvent'>),
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}
