// Host-boundary validation of contract inputs, shared by both hosts so they refuse the same
// payloads with the same message.
import { contract, isContractName, type ContractInput, type ContractName } from './contract.js';
import { GlossError } from './errors.js';

export function validateInput<K extends ContractName>(name: K | string, payload: unknown): ContractInput<K> {
  if (!isContractName(name)) throw new GlossError('invalid-request', `Unknown request "${String(name).slice(0, 60)}".`);
  const parsed = contract[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GlossError('invalid-request', `Refused ${name}: ${first ? `${first.path.join('.') || 'payload'} ${first.message}` : 'invalid payload'}.`);
  }
  return parsed.data as ContractInput<K>;
}
