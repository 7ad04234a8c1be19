/**
 * Runs in the browser before the app's own code (Next's `instrumentation-client`).
 *
 * - zod without its eval probe: zod tries `new Function('')` once to see whether it may compile fast parsers.
 *   Our CSP forbids eval (proxy.ts), so the probe fails anyway, but the browser reports it as a CSP violation on
 *   every page. `jitless` skips the probe; parsing is the same as it already was under the CSP. (zod keeps its
 *   settings on `globalThis.__zod_globalConfig`, so this works before or after zod itself loads.)
 * - Navigation start: the network shell shows that a click was taken at once (NavigationPending), also for
 *   links in a page whose target has no loading skeleton.
 */
import { NAVIGATION_START } from '@/app/networks/[networkId]/_shell/nav';

const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export function onRouterTransitionStart(url: string) {
  window.dispatchEvent(new CustomEvent(NAVIGATION_START, { detail: { url } }));
}
