/** bureau-watch's fetcher alone (src/fetch CrawleeFetcher), a no-op handler that follows links with a regex: Crawlee + got overhead. */
import { CrawleeFetcher } from '../../src/fetch/crawlee-fetcher.js';
import { HostGate } from '../../src/fetch/host-gate.js';
import type { FetchRequest } from '../../src/fetch/types.js';
import { NOT_A_PAGE, reportPages, scenarioArgs } from './args.js';

const args = scenarioArgs();
let pages = 0;
const gate = new HostGate();
await Promise.all(
  args.startUrls.map(async (start) => {
    const host = new URL(start).host;
    gate.limit(host, args.concurrencyPerHost);
    const fetcher = new CrawleeFetcher({
      userAgent: 'bench',
      maxRequestsPerMinute: args.requestsPerMinute,
      maxConcurrency: args.concurrencyPerHost,
      timeoutSecs: 30,
      maxBodyBytes: 10e6,
      maxRetries: 2,
      retryBackoffMs: 100,
      maxRequests: 1e6,
      gate,
    });
    await fetcher.run([{ url: start, kind: 'start' }], async (result, enqueue) => {
      if (!result.ok) return;
      pages++;
      const html = result.body.toString('latin1');
      const links: FetchRequest[] = [];
      for (const m of html.matchAll(/href="([^"#]+)"/g)) {
        try {
          const u = new URL(m[1]!, result.url);
          if (u.host === host && !NOT_A_PAGE.test(u.href)) links.push({ url: u.href, kind: 'list' });
        } catch {
          /* */
        }
      }
      await enqueue(links);
    });
  }),
);
reportPages(pages);
process.exit(0);
