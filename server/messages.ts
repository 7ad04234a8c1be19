/**
 * The protocol messages the server sends (docs/realtime.md, "Messages"), each
 * encoded once and sent to every receiver as the same bytes.
 */
import * as encoding from 'lib0/encoding';
import {
  MESSAGE_ACCESS,
  MESSAGE_ACK,
  MESSAGE_AWARENESS,
  MESSAGE_REFUSED,
  MESSAGE_SYNC,
  SYNC_UPDATE,
  type Access,
} from '../lib/realtime/protocol';

export const msgSyncUpdate = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};
export const msgSync = (sub: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
export const msgAwareness = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};
export const msgAck = (count: number, sv: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_ACK);
  encoding.writeVarUint(e, count);
  encoding.writeVarUint8Array(e, sv);
  return encoding.toUint8Array(e);
};
export const msgRefused = (reason: number, detail: string) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_REFUSED);
  encoding.writeVarUint(e, reason);
  encoding.writeVarString(e, detail);
  return encoding.toUint8Array(e);
};
export const msgAccess = (access: Access) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_ACCESS);
  encoding.writeVarString(e, access);
  return encoding.toUint8Array(e);
};
/** An update that changes nothing: no structs, empty delete set. */
export const isEmptyUpdate = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0;
