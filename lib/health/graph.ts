import { DirectedGraph, UndirectedGraph } from 'graphology';
import { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from 'graphology-metrics/centrality/degree';
import { CENTRALISATION, MIN_ORGANISATIONS } from './thresholds';

/**
 * The exchange graph (concept 2): organisations as nodes, what one gave to
 * another as a directed, weighted edge. The weight is the amount in the chosen
 * unit, or the number of exchanges. Built on graphology; the degree
 * centralities come from graphology-metrics, the centralisation over them is
 * Freeman's formula (docs/health.md).
 */

/** What flowed from one organisation to another (already summed for the chosen unit and period). */
export interface Flow {
  giver: string;
  receiver: string;
  /** Amount in the chosen unit, or the number of exchanges. */
  weight: number;
  /** Number of exchanges (entries) behind the weight. */
  count: number;
}

export type ExchangeGraph = DirectedGraph<{ weight: number }, { weight: number; count: number }>;

/** Builds the graph; flows between the same two organisations in the same direction are added up. Self-flows and empty flows are left out. */
export function exchangeGraph(flows: readonly Flow[]): ExchangeGraph {
  const g: ExchangeGraph = new DirectedGraph();
  for (const f of flows) {
    if (f.giver === f.receiver) continue;
    g.mergeNode(f.giver, { weight: 0 });
    g.mergeNode(f.receiver, { weight: 0 });
    g.updateEdge(f.giver, f.receiver, (a) => ({
      weight: (a.weight ?? 0) + f.weight,
      count: (a.count ?? 0) + f.count,
    }));
  }
  // A correction can bring a pair back to nothing: such an edge is no exchange.
  g.filterEdges((_, a) => !(a.weight > 0)).forEach((e) => g.dropEdge(e));
  g.filterNodes((n) => g.degree(n) === 0).forEach((n) => g.dropNode(n));
  g.forEachNode((n) => {
    let w = 0;
    g.forEachEdge(n, (_, a) => (w += a.weight));
    g.setNodeAttribute(n, 'weight', w);
  });
  return g;
}

export type Verdict = 'insufficient' | 'dominated' | 'few_centres' | 'polycentric';

export interface Structure {
  /** Organisations with at least one exchange (the ones counted). */
  organisations: number;
  exchanges: number;
  /** Freeman degree centralisation, 0..1; null with fewer than three organisations. */
  centralisation: { total: number | null; in: number | null; out: number | null };
  /** The organisation most flows go through (given or received) and its share of all flows, 0..1. */
  topPartner: { id: string; share: number } | null;
  /** Gini coefficient of what each organisation gave, 0 (all alike) … 1 (one gave everything). */
  gini: number | null;
  verdict: Verdict;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Freeman: Σ (max − cᵢ) over nodes, for centralities already divided by n − 1, divided by the most a star reaches. */
function freeman(c: Record<string, number>, starSum: number): number {
  const xs = Object.values(c);
  const max = Math.max(...xs);
  return round(xs.reduce((s, x) => s + (max - x), 0) / starSum);
}

/**
 * Freeman degree centralisation, in, out and total.
 * - total: on the undirected partner graph (two organisations are partners
 *   when anything flowed either way), Σ(max − dᵢ) / ((n − 1)(n − 2)): a star
 *   reads 1, a ring or a complete graph 0;
 * - in / out: on the directed graph, Σ(max − dᵢ) / (n − 1)²: 1 when one
 *   organisation receives from (gives to) all and nobody else receives (gives).
 */
export function centralisation(g: ExchangeGraph): Structure['centralisation'] {
  const n = g.order;
  if (n < MIN_ORGANISATIONS) return { total: null, in: null, out: null };
  const partners = new UndirectedGraph();
  g.forEachNode((v) => partners.addNode(v));
  g.forEachEdge((_, __, s, t) => partners.mergeEdge(s, t));
  // The centralities are dᵢ / (n − 1); the bounds below are divided by n − 1 once as well.
  return {
    total: freeman(degreeCentrality(partners), n - 2),
    in: freeman(inDegreeCentrality(g), n - 1),
    out: freeman(outDegreeCentrality(g), n - 1),
  };
}

/** The organisation involved (as giver or receiver) in the largest share of all flows. */
export function topPartner(g: ExchangeGraph): Structure['topPartner'] {
  let total = 0;
  g.forEachEdge((_, a) => (total += a.weight));
  if (!(total > 0)) return null;
  let best: { id: string; w: number } | null = null;
  g.forEachNode((id, a) => {
    if (!best || a.weight > best.w || (a.weight === best.w && id < best.id)) best = { id, w: a.weight };
  });
  const b = best as { id: string; w: number } | null;
  return b ? { id: b.id, share: round(b.w / total) } : null;
}

/** Gini coefficient of non-negative values (0: all equal; towards 1: one has all). Null for none. */
export function gini(values: readonly number[]): number | null {
  const xs = values.filter((x) => x >= 0).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return null;
  const sum = xs.reduce((s, x) => s + x, 0);
  if (sum === 0) return 0;
  const weighted = xs.reduce((s, x, i) => s + (i + 1) * x, 0);
  return round((2 * weighted) / (n * sum) - (n + 1) / n);
}

/** What each organisation in the graph gave (its weighted out-degree). */
export function given(g: ExchangeGraph): Map<string, number> {
  const m = new Map<string, number>();
  g.forEachNode((n) => {
    let w = 0;
    g.forEachOutEdge(n, (_, a) => (w += a.weight));
    m.set(n, w);
  });
  return m;
}

/** The verdict in words (the thresholds: thresholds.ts). */
export function verdict(total: number | null): Verdict {
  if (total === null) return 'insufficient';
  if (total >= CENTRALISATION.DOMINATED) return 'dominated';
  if (total < CENTRALISATION.POLYCENTRIC) return 'polycentric';
  return 'few_centres';
}

/** All structure figures of one graph. */
export function structure(g: ExchangeGraph): Structure {
  let exchanges = 0;
  g.forEachEdge((_, a) => (exchanges += a.count));
  const c = centralisation(g);
  return {
    organisations: g.order,
    exchanges,
    centralisation: c,
    topPartner: topPartner(g),
    gini: g.order ? gini([...given(g).values()]) : null,
    verdict: verdict(c.total),
  };
}
