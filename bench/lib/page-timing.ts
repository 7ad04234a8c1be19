import type { Page } from '@playwright/test';

/**
 * Times one page in Chromium the way a person sees it: from navigation start
 * until `selector` is visible ("content"), and until the page's load event
 * ("loaded": every script chunk, e.g. the chart libraries, fetched and run).
 * The content time is the figure the 1 s page goals are about; the loaded time
 * is shown beside it so nothing is hidden. One warm-up navigation first.
 */
export async function timePage(
  page: Page,
  url: string,
  selector: string,
  runs: number,
): Promise<{ content: number[]; loaded: number[] }> {
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const content: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ timeout: 60_000 });
    content.push(performance.now() - t0);
    await page.waitForLoadState('load');
    loaded.push(performance.now() - t0);
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
