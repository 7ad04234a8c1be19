import type { Page } from '@playwright/test';

/**
 * The script for the page (an init script, run before any of its own scripts): watches the DOM as it is parsed, streamed
 * and hydrated and notes, per watched selector, the first animation frame in which an element matching it is
 * visible (`window.__nwrSeen[selector]`, ms since navigation start). A frame is only drawn once render-blocking
 * stylesheets have arrived, so this is when a person can see it.
 *
 * Why not Playwright's `waitFor` alone: it polls after 0, 20, 50, 100, 100 ms and then every 500 ms, so content
 * that appears after ~300 ms was counted up to half a second late (times bunched at ~770 and ~1,270 ms).
 */
export function contentProbe(selector: string): string {
  // A string, not a function: the page must get plain JavaScript (tsx would wrap inner functions in helpers).
  return `(() => {
  const selector = ${JSON.stringify(selector)};
  const w = window;
  w.__nwrSeen = w.__nwrSeen || {};
  w.__nwrWatching = w.__nwrWatching || new Set();
  w.__nwrWatching.add(selector);
  if (w.__nwrProbe) return;
  w.__nwrProbe = true;
  // As Playwright decides "visible": a non-empty box and not visibility:hidden (display:none has no box).
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility === 'visible';
  };
  let scheduled = false;
  const check = () => {
    scheduled = false;
    for (const s of w.__nwrWatching) {
      if (w.__nwrSeen[s] !== undefined) continue;
      const el = document.querySelector(s);
      if (el && visible(el)) w.__nwrSeen[s] = performance.now();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  };
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true, attributes: true });
  schedule();
})();`;
}

const probed = new WeakMap<Page, Set<string>>();

/**
 * Times one page in Chromium the way a person sees it: from navigation start until `selector` is visible
 * ("content", seen in the page by CONTENT_PROBE), and until the page's load event ("loaded": every script chunk,
 * e.g. the chart libraries, fetched and run). The content time is the figure the 1 s page goals are about; the
 * loaded time is shown beside it so nothing is hidden. One warm-up navigation first.
 */
export async function timePage(
  page: Page,
  url: string,
  selector: string,
  runs: number,
): Promise<{ content: number[]; loaded: number[] }> {
  const watched = probed.get(page) ?? new Set<string>();
  probed.set(page, watched);
  if (!watched.has(selector)) {
    await page.addInitScript(contentProbe(selector));
    watched.add(selector);
  }
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const content: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('load');
    const m = await page.evaluate((s) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const seen = (window as unknown as { __nwrSeen?: Record<string, number> }).__nwrSeen ?? {};
      return { content: seen[s], loaded: nav.loadEventStart };
    }, selector);
    if (m.content === undefined) throw new Error(`${url}: the page never noted "${selector}" as visible`);
    content.push(m.content);
    loaded.push(m.loaded);
  }
  return { content, loaded };
}
