/** The reference systems and the floor (no auth): rooms are plain document names. */
import crypto from 'node:crypto';
import type { System } from './clients';
import type { ServerHandle } from './procs';

const roomNames = (count: number) => Array.from({ length: count }, () => `commons.${crypto.randomUUID()}`);

export function referenceSystem(server: ServerHandle): System {
  return {
    name: 'reference',
    protocol: 'y-websocket',
    makeRooms: async (n) => roomNames(n),
    endpoint: async () => ({ base: `ws://127.0.0.1:${server.port}`, params: {}, headers: {} }),
  };
}

export function hocuspocusSystem(server: ServerHandle): System {
  return {
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    makeRooms: async (n) => roomNames(n),
    endpoint: async () => ({ base: `ws://127.0.0.1:${server.port}`, params: {}, headers: {} }),
  };
}

/** The floor: a bare relay (no Yjs, no auth, no storage); every client is a raw one. */
export function floorSystem(server: ServerHandle): System {
  return {
    name: 'floor',
    protocol: 'y-websocket',
    relayOnly: true,
    makeRooms: async (n) => roomNames(n),
    endpoint: async () => ({ base: `ws://127.0.0.1:${server.port}`, params: {}, headers: {} }),
  };
}
