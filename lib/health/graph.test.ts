import { describe, expect, it } from 'vitest';
import { exchangeGraph, structure, gini, type Flow } from './graph';

/** Flows both ways between each pair (weight 1, one exchange each way). */
const both = (pairs: [string, string][]): Flow[] =>
  pairs.flatMap(([a, b]) => [
    { giver: a, receiver: b, weight: 1, count: 1 },
    { giver: b, receiver: a, weight: 1, count: 1 },
  ]);

describe('exchange graph structure on known graphs', () => {
  it('a star reads 1.0 and is dominated by the hub', () => {
    const s = structure(
      exchangeGraph(
        both([
          ['H', 'a'],
          ['H', 'b'],
          ['H', 'c'],
          ['H', 'd'],
        ]),
      ),
    );
    expect(s.organisations).toBe(5);
    expect(s.exchanges).toBe(8);
    // in/out: the hub gets from four, each leaf from one (the hub): Σ(4 − 1)·4 / (n − 1)² = 12/16
    expect(s.centralisation).toEqual({ total: 1, in: 0.75, out: 0.75 });
    expect(s.topPartner).toEqual({ id: 'H', share: 1 });
    // given: hub 4, leaves 1 each → sorted [1,1,1,1,4]: 2·30/(5·8) − 6/5 = 0.3
    expect(s.gini).toBe(0.3);
    expect(s.verdict).toBe('dominated');
  });

  it('a one-way star (everyone gives to the hub) reads total 1, in 1, out 1/16', () => {
    const flows = ['a', 'b', 'c', 'd'].map((x) => ({ giver: x, receiver: 'H', weight: 2, count: 1 }));
    const s = structure(exchangeGraph(flows));
    expect(s.centralisation).toEqual({ total: 1, in: 1, out: 0.0625 });
    expect(s.verdict).toBe('dominated');
    // the hub gave nothing, four gave 2 each: [0,2,2,2,2] → 2·28/(5·8) − 6/5 = 0.2
    expect(s.gini).toBe(0.2);
  });

  it('a ring reads 0 and is polycentric', () => {
    const ring = ['a', 'b', 'c', 'd', 'e'].map((x, i, xs) => ({
      giver: x,
      receiver: xs[(i + 1) % xs.length],
      weight: 3,
      count: 1,
    }));
    const s = structure(exchangeGraph(ring));
    expect(s.centralisation).toEqual({ total: 0, in: 0, out: 0 });
    expect(s.topPartner?.share).toBe(0.4); // every organisation is in 2 of 5 flows
    expect(s.gini).toBe(0);
    expect(s.verdict).toBe('polycentric');
  });

  it('a complete graph reads 0 and is polycentric', () => {
    const s = structure(
      exchangeGraph(
        both([
          ['a', 'b'],
          ['a', 'c'],
          ['a', 'd'],
          ['b', 'c'],
          ['b', 'd'],
          ['c', 'd'],
        ]),
      ),
    );
    expect(s.centralisation).toEqual({ total: 0, in: 0, out: 0 });
    expect(s.topPartner?.share).toBe(0.5); // 6 of 12 directed flows
    expect(s.verdict).toBe('polycentric');
  });

  it('two hubs read in between: a few centres', () => {
    const s = structure(
      exchangeGraph(
        both([
          ['A', 'a1'],
          ['A', 'a2'],
          ['A', 'a3'],
          ['B', 'b1'],
          ['B', 'b2'],
          ['B', 'b3'],
          ['A', 'B'],
        ]),
      ),
    );
    // degrees A 4, B 4, six leaves 1: Σ(4 − dᵢ) = 18, over (n − 1)(n − 2) = 42
    expect(s.centralisation.total).toBe(0.428571);
    // in-degrees the same: 18 / (n − 1)² = 18 / 49
    expect(s.centralisation.in).toBe(0.367347);
    expect(s.centralisation.out).toBe(0.367347);
    expect(s.topPartner).toEqual({ id: 'A', share: 0.571429 }); // 8 of 14 flows
    expect(s.gini).toBe(0.321429);
    expect(s.verdict).toBe('few_centres');
  });

  it('fewer than three organisations give no verdict; a flow corrected to nothing is no edge', () => {
    expect(structure(exchangeGraph(both([['a', 'b']]))).verdict).toBe('insufficient');
    const g = exchangeGraph([
      { giver: 'a', receiver: 'b', weight: 5, count: 1 },
      { giver: 'a', receiver: 'b', weight: -5, count: -1 },
      { giver: 'c', receiver: 'c', weight: 1, count: 1 },
    ]);
    expect(g.order).toBe(0);
    expect(structure(g)).toMatchObject({ organisations: 0, topPartner: null, gini: null, verdict: 'insufficient' });
  });

  it('gini of known series', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBe(0.75);
    expect(gini([])).toBeNull();
  });
});
