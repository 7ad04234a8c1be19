import { describe, expect, it } from 'vitest';
import { clientAddress } from './address';

describe('the client address used for throttling', () => {
  it('behind a trusted proxy, is the first X-Forwarded-For entry', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' }, true)).toBe('203.0.113.7');
  });

  it('without a trusted proxy, is the last entry (the socket address Next fills in), never a client-chosen first one', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2' }, false)).toBe('10.0.0.2');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), false)).toBe('127.0.0.1');
  });

  it('is "unknown" when there is nothing to go by', () => {
    expect(clientAddress({}, true)).toBe('unknown');
  });
});
