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

/** What answered a click first (see {@link timeClick}). */
export type FeedbackKind = 'current' | 'progress' | 'skeleton' | 'heading';

export interface ClickTiming {
  /** Click → first visible feedback, ms. */
  feedback: number;
  /** Which feedback came first. */
  by: FeedbackKind;
  /** Click → the new page's content, ms. */
  content: number;
}

/**
 * Times one in-app navigation in Chromium the way a person feels it: from the
 * click (the click event's own timestamp, taken in the page) to
 *
 * - **feedback**: the first animation frame in which the person can see that
 *   the click was taken, whichever comes first: the clicked navigation entry
 *   drawn as the current place (`aria-current="page"`, or `data-pending` while
 *   the page is on its way: `markSelector`), the shell's progress bar
 *   (`[data-testid="navigation-pending"]`), the loading skeleton
 *   (`[data-testid="page-skeleton"]`) in `<main>`, or a new page's `<h1>`;
 * - **content**: the first frame with the new page's `<h1>`, no loading
 *   skeleton left in `<main>`, and `contentSelector` (if given) visible.
 *
 * Checked once per animation frame (requestAnimationFrame, ~16.7 ms), so a
 * time is the start of the frame that first shows the state. The old page's
 * `<h1>` does not count: only an `<h1>` element that was not there before the
 * click.
 */
export async function timeClick(
  page: Page,
  click: () => Promise<void>,
  opts: { markSelector?: string; contentSelector?: string; timeoutMs?: number },
): Promise<ClickTiming> {
  // tsx (esbuild, keepNames) wraps the named helpers below in `__name(…)`, which the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(
    ({ markSelector, contentSelector, timeoutMs }) => {
      type Probe = {
        t0?: number;
        feedback?: number;
        by?: string;
        content?: number;
        error?: string;
        done: boolean;
      };
      const w = window as unknown as { __navProbe: Probe };
      const probe: Probe = { done: false };
      w.__navProbe = probe;
      const oldHeadings = new Set(document.querySelectorAll('main h1'));
      const visible = (el: Element | null) => !!el && (el as HTMLElement).checkVisibility?.() !== false;
      const newHeading = () => [...document.querySelectorAll('main h1')].some((h) => !oldHeadings.has(h) && visible(h));
      const skeleton = () => visible(document.querySelector('main [data-testid="page-skeleton"]'));
      const marked = () => !!markSelector && visible(document.querySelector(markSelector));
      const progress = () => visible(document.querySelector('[data-testid="navigation-pending"]'));
      const frame = (now: number) => {
        if (probe.t0 === undefined) return void requestAnimationFrame(frame);
        const heading = newHeading();
        const loading = skeleton();
        if (probe.feedback === undefined) {
          const by = marked()
            ? 'current'
            : progress()
              ? 'progress'
              : loading
                ? 'skeleton'
                : heading
                  ? 'heading'
                  : undefined;
          if (by) {
            probe.feedback = now - probe.t0;
            probe.by = by;
          }
        }
        if (heading && !loading && (!contentSelector || visible(document.querySelector(contentSelector)))) {
          probe.content = now - probe.t0;
          probe.done = true;
          return;
        }
        if (now - probe.t0 > timeoutMs) {
          probe.error = `no content after ${timeoutMs} ms at ${location.pathname}`;
          probe.done = true;
          return;
        }
        requestAnimationFrame(frame);
      };
      document.addEventListener('click', (e) => (probe.t0 = e.timeStamp), { capture: true, once: true });
      requestAnimationFrame(frame);
    },
    { markSelector: opts.markSelector, contentSelector: opts.contentSelector, timeoutMs: opts.timeoutMs ?? 30_000 },
  );
  await click();
  await page.waitForFunction(() => (window as unknown as { __navProbe: { done: boolean } }).__navProbe.done, null, {
    timeout: (opts.timeoutMs ?? 30_000) + 5_000,
    polling: 50,
  });
  const r = await page.evaluate(
    () =>
      (window as unknown as { __navProbe: { feedback?: number; by?: FeedbackKind; content?: number; error?: string } })
        .__navProbe,
  );
  if (r.error || r.content === undefined) throw new Error(r.error ?? 'no content');
  return { feedback: r.feedback ?? r.content, by: r.by ?? 'heading', content: r.content };
}
