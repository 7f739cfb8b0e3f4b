// IPC channel names, shared by the preload and the main process so they cannot drift apart.
import type { ContractName } from '../shared/contract.js';

export const channelFor = (name: ContractName): string => `gloss:${name}`;
export const EVENT_CHANNEL = 'gloss:event';
