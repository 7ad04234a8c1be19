import { describe, expect, it } from 'vitest';
import { presenceFrom } from './identity';

describe('presenceFrom', () => {
  it('shows the identity the server stamped, with the organisation and colour', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u1', name: 'Alice', organisation: 'Green Hands', colour: '#1d4ed8' }, cursor: null }],
    ]);
    expect(presenceFrom(states, 99)).toEqual([
      { clientId: 1, isSelf: false, user: { name: 'Alice', organisation: 'Green Hands', color: '#1d4ed8' } },
    ]);
  });

  it('leaves out states without a valid stamped name and colours that are not plain hex', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { cursor: {} }],
      [2, { user: { name: '' } }],
      [3, { user: { name: 'Mallory', colour: 'red; background:url(x)' } }],
    ]);
    expect(presenceFrom(states, 99)).toEqual([]);
  });

  it('lists a person with two tabs once, and the local client first', () => {
    const bob = { user: { name: 'Bob', organisation: 'Blue Cluster', colour: '#b91c1c' } };
    const states = new Map<number, Record<string, unknown>>([
      [5, bob],
      [6, bob],
      [7, { user: { name: 'Zoe', organisation: null, colour: '#047857' } }],
    ]);
    const people = presenceFrom(states, 7);
    expect(people.map((p) => [p.clientId, p.isSelf])).toEqual([
      [7, true],
      [5, false],
    ]);
  });
});
