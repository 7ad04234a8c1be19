'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/app/_components/providers';

export interface MapNode {
  id: string;
  name: string;
  weight: number;
}
export interface MapEdge {
  source: string;
  target: string;
  weight: number;
}

/**
 * The exchange map drawn with sigma.js on a graphology graph: organisations
 * as circles (larger for more given and received), arrows from giver to
 * receiver (thicker for more), laid out by ForceAtlas2 from a circle. Loaded
 * in the browser only (WebGL), after the page has loaded. To assistive technology it is one image with
 * a label; the tables beside it carry the same figures. Where WebGL is not
 * available the tables stand alone and a line says why.
 */
export function ExchangeMap({ nodes, edges, hub }: { nodes: MapNode[]; edges: MapEdge[]; hub: string | null }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement | null>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    let killed = false;
    let kill: (() => void) | undefined;
    (async () => {
      // The page's content first: the map's libraries are fetched once the page has loaded.
      if (document.readyState !== 'complete')
        await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      if (killed) return;
      const [{ default: Graph }, { default: Sigma }, { circular }, { default: forceAtlas2 }] = await Promise.all([
        import('graphology'),
        import('sigma'),
        import('graphology-layout'),
        import('graphology-layout-forceatlas2'),
      ]);
      if (killed || !box.current) return;
      const g = new Graph({ type: 'directed' });
      const maxNode = Math.max(1, ...nodes.map((n) => n.weight));
      const maxEdge = Math.max(1, ...edges.map((e) => e.weight));
      for (const n of nodes)
        g.addNode(n.id, {
          label: n.name,
          size: 6 + 14 * Math.sqrt(n.weight / maxNode),
          color: n.id === hub ? '#b45309' : '#0f766e',
        });
      for (const e of edges)
        g.addDirectedEdge(e.source, e.target, {
          size: 1 + 5 * (e.weight / maxEdge),
          color: '#78716c',
          type: 'arrow',
        });
      circular.assign(g);
      if (g.order > 2) forceAtlas2.assign(g, { iterations: 150, settings: forceAtlas2.inferSettings(g) });
      try {
        const s = new Sigma(g, box.current, {
          renderEdgeLabels: false,
          defaultEdgeType: 'arrow',
          labelColor: { color: '#1c1917' },
          labelSize: 13,
          // Room at the edges for the labels (drawn to the right of their circle), so no name is cut off.
          stagePadding: Math.round(Math.min(160, Math.max(30, box.current.clientWidth / 4))),
        });
        kill = () => s.kill();
        setState('drawn');
      } catch {
        setState('failed');
      }
    })().catch(() => setState('failed'));
    return () => {
      killed = true;
      kill?.();
    };
  }, [nodes, edges, hub]);

  return (
    <div>
      <div
        ref={box}
        role="img"
        aria-label={t('health.map.graphic', { nodes: nodes.length, edges: edges.length })}
        data-state={state}
        data-testid="exchange-map"
        className="h-96 w-full rounded border border-stone-200 bg-white"
      />
      {state === 'loading' ? <p className="mt-1 text-sm text-stone-700">{t('health.map.loading')}</p> : null}
      {state === 'failed' ? (
        <p className="mt-1 text-sm text-stone-700" role="status">
          {t('health.map.failed')}
        </p>
      ) : null}
    </div>
  );
}
