/**
 * The plain Crawlee setup: one CheerioCrawler for all hosts, `maxConcurrency` = hosts × the
 * per-host concurrency (16 on the default site), everything else Crawlee's defaults (its storage
 * in a temporary CRAWLEE_STORAGE_DIR the orchestrator sets, its session pool). Fetch + parse +
 * follow same-origin links, nothing stored. What a Crawlee user writes first; the yardstick.
 */
import { CheerioCrawler, EnqueueStrategy, log, LogLevel } from 'crawlee';
import { NOT_A_PAGE, reportPages, scenarioArgs } from './args.js';

log.setLevel(LogLevel.OFF);
const args = scenarioArgs();
let pages = 0;

const crawler = new CheerioCrawler({
  maxConcurrency: args.concurrencyPerHost * args.startUrls.length,
  statusMessageLoggingInterval: 3600,
  requestHandler: async ({ $, enqueueLinks }) => {
    pages++;
    $('title').text();
    await enqueueLinks({ strategy: EnqueueStrategy.SameOrigin, exclude: [NOT_A_PAGE] });
  },
});
await crawler.run(args.startUrls);

reportPages(pages);
process.exit(0);
