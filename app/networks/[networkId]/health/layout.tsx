import type { ReactNode } from 'react';
import { HEALTH_READY_ID } from './ready';

/**
 * On a full page load the first paint waits until the health content has arrived: a render-blocking
 * `<link rel="expect">` (hoisted into the document's head, it is part of the first streamed bytes) for the element
 * the page ends with. Without it the browser paints the loading skeleton first, and React then reveals the
 * streamed content no sooner than 300 ms after that paint (its throttle between reveals) — the content and its
 * charts arrived at ~500 ms but showed at ~1 s. The skeleton (loading.tsx) still shows at once on in-app
 * navigation, where a `rel="expect"` has no effect. Should the element never come (an error page), the browser
 * paints when the document has been parsed.
 */
export default function HealthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <link rel="expect" href={`#${HEALTH_READY_ID}`} blocking="render" />
      {children}
    </>
  );
}
