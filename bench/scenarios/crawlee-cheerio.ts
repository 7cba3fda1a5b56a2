/**
 * Crawlee's CheerioCrawler alone: fetch + parse + follow links, nothing stored. Set up as
 * bureau-watch sets up Crawlee: one crawler per host, run in parallel, fixed concurrency, in-memory
 * storage (no per-request JSON files), no session pool.
 */
import { CheerioCrawler, Configuration, EnqueueStrategy, log, LogLevel, RequestQueue } from 'crawlee';
import { NOT_A_PAGE, reportPages, scenarioArgs } from './args.js';

log.setLevel(LogLevel.OFF);
const args = scenarioArgs();
let pages = 0;

await Promise.all(
  args.startUrls.map(async (startUrl, index) => {
    const config = new Configuration({ persistStorage: false, purgeOnStart: true });
    const requestQueue = await RequestQueue.open(`bench-${index}`, { config });
    const crawler = new CheerioCrawler(
      {
        requestQueue,
        maxConcurrency: args.concurrencyPerHost,
        minConcurrency: args.concurrencyPerHost,
        maxRequestsPerMinute: args.requestsPerMinute,
        useSessionPool: false,
        persistCookiesPerSession: false,
        statusMessageLoggingInterval: 3600,
        requestHandler: async ({ $, enqueueLinks }) => {
          pages++;
          $('title').text();
          await enqueueLinks({ strategy: EnqueueStrategy.SameOrigin, exclude: [NOT_A_PAGE] });
        },
      },
      config,
    );
    await crawler.run([startUrl]);
  }),
);

reportPages(pages);
process.exit(0);
