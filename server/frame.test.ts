import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseAwareness, parseClientFrame, ProtocolError, StrictReader } from './frame';

const enc = (f: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  f(e);
  return encoding.toUint8Array(e);
};

describe('strict frame decoding', () => {
  it('reads canonical varints of every size and refuses padded ones', () => {
    for (const n of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 53 - 1]) {
      expect(new StrictReader(enc((e) => encoding.writeVarUint(e, n))).varUint()).toBe(n);
    }
    for (const padded of [
      [0x80, 0x00],
      [0x81, 0x00],
      [0xff, 0x80, 0x00],
    ]) {
      expect(() => new StrictReader(new Uint8Array(padded)).varUint()).toThrow(ProtocolError);
    }
    expect(() => new StrictReader(new Uint8Array([0x80])).varUint()).toThrow(ProtocolError);
  });

  it('decodes each client message type and refuses trailing bytes or a second message', () => {
    const sv = Y.encodeStateVector(new Y.Doc());
    const step1 = enc((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, sv);
    });
    expect(parseClientFrame(step1).type).toBe('sync-step1');
    expect(parseClientFrame(new Uint8Array([3])).type).toBe('query-awareness');
    expect(parseClientFrame(new Uint8Array([0, 2, 2, 0, 0]))).toMatchObject({ type: 'sync-update' });
    expect(() => parseClientFrame(new Uint8Array([...step1, 0]))).toThrow(/trailing/);
    expect(() => parseClientFrame(new Uint8Array([...step1, ...step1]))).toThrow(/trailing/);
    expect(() => parseClientFrame(new Uint8Array([2, 0]))).toThrow(/unknown message type/);
    expect(() => parseClientFrame(new Uint8Array([0, 0, 3, 1, 5]))).toThrow(ProtocolError);
    expect(() => parseClientFrame(new Uint8Array([]))).toThrow(ProtocolError);
  });

  it('parses awareness entries and refuses invalid UTF-8 and counts beyond the payload', () => {
    const one = enc((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 42);
      encoding.writeVarUint(e, 3);
      encoding.writeVarString(e, '{"a":1}');
    });
    expect(parseAwareness(one)).toEqual([{ clientId: 42, clock: 3, state: '{"a":1}' }]);
    expect(() => parseAwareness(new Uint8Array([1, 1, 1, 2, 0xc3, 0x28]))).toThrow(/utf-8/);
    expect(() => parseAwareness(enc((e) => encoding.writeVarUint(e, 65)))).toThrow(/beyond/);
  });
});
