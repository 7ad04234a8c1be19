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
