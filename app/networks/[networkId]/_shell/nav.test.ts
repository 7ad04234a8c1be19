import { describe, expect, it } from 'vitest';
import { currentEntry, NETWORK_NAV } from './nav';

const id = '0b7f1a52-3c7e-4a59-9d55-2f5d3b1f6a10';

describe('the network navigation', () => {
  it('marks the overview only on the network address itself', () => {
    expect(currentEntry(id, `/networks/${id}`)?.id).toBe('overview');
    expect(currentEntry(id, `/networks/${id}/`)?.id).toBe('overview');
    expect(currentEntry(id, `/networks/${id}/unknown`)).toBeUndefined();
  });

  it('marks a section on its own page and on every page below it', () => {
    expect(currentEntry(id, `/networks/${id}/goals`)?.id).toBe('goals');
    expect(currentEntry(id, `/networks/${id}/goals/${id}`)?.id).toBe('goals');
    expect(currentEntry(id, `/networks/${id}/organisations/${id}/cooperation`)?.id).toBe('organisations');
  });

  it('does not mark a section for a path that only starts with the same letters', () => {
    expect(currentEntry(id, `/networks/${id}/goalsettings`)).toBeUndefined();
  });

  it('names every entry once, with a label key', () => {
    expect(new Set(NETWORK_NAV.map((e) => e.id)).size).toBe(NETWORK_NAV.length);
    for (const e of NETWORK_NAV) expect(e.label).toMatch(/^ui\.nav\./);
  });
});
