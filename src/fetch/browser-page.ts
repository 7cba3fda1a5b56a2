import type { Page, Response } from 'playwright-core';

/**
 * What happens in a page of a `fetch: browser` source between navigation and the page handed to
 * the crawl: heavy resources skipped (politeness: a bureau's banner images are not our business),
 * a script challenge let run to its reload, then a short wait for the scripts that build a list.
 */

/** Resource types a disclosure page's text never depends on. */
const SKIPPED_RESOURCES = new Set(['image', 'media', 'font', 'stylesheet']);
/** Statuses by which challenge protections (瑞数-style 412, 加速乐-style 521) answer a first visit. */
const CHALLENGE_STATUSES = new Set([412, 521]);
/** How long scripts may keep the network busy after load before the DOM is taken as it is. */
const SETTLE_MS = 3_000;

/**
 * Skips heavy resources, and a redirect or script navigation of the page to where the source may
 * not go (another host, excluded, disallowed): the HTTP fetcher does not follow those either.
 */
export async function skipHeavyResources(page: Page, mayNavigate?: (url: string) => boolean): Promise<void> {
  await page.route('**/*', (route) => {
    const request = route.request();
    const leaves = mayNavigate && request.isNavigationRequest() && request.frame() === page.mainFrame() && !mayNavigate(request.url());
    return leaves || SKIPPED_RESOURCES.has(request.resourceType()) ? route.abort('blockedbyclient') : route.continue();
  });
}

/** Keeps the latest main-frame document response: a challenge's reload replaces the first one. */
export function trackDocumentResponses(page: Page): () => Response | undefined {
  let latest: Response | undefined;
  page.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) latest = response;
  });
  return () => latest;
}

/**
 * Waits for the page to be what a person would see: past a challenge (its script sets a cookie and
 * reloads; we wait for a document that is not a challenge answer) and past the scripts that fetch
 * and draw the list (network idle, bounded). Returns the document response the DOM belongs to.
 */
export async function settle(page: Page, latest: () => Response | undefined, timeoutMs: number): Promise<Response | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (isChallenge(latest()) && Date.now() < deadline) {
    await page.waitForEvent('response', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  }
  await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: Math.min(SETTLE_MS, Math.max(1, deadline - Date.now())) }).catch(() => undefined);
  return latest();
}

export function isChallenge(response: Response | undefined): boolean {
  return response !== undefined && CHALLENGE_STATUSES.has(response.status());
}

/**
 * The rendered DOM as bytes. It keeps the page's own `<meta charset>` (say gbk) although it is
 * now UTF-8, so it gets a UTF-8 byte-order mark: the decode stage trusts a BOM before any declaration.
 */
export async function renderedBody(page: Page): Promise<Buffer> {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await page.content(), 'utf8')]);
}

/** The document's bytes as the network delivered them, when the browser still has them. */
export async function originalBody(response: Response): Promise<Buffer | undefined> {
  try {
    return await response.body();
  } catch {
    return undefined; // a redirect, or a body the browser has already dropped
  }
}
