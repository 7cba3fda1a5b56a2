import * as cheerio from 'cheerio';
import { NOT_A_PAGE, reportPages, scenarioArgs } from './args.js';

/** The floor: Node's fetch + cheerio.load + link following, per host with the same concurrency. */
const args = scenarioArgs();
let pages = 0;

async function crawlHost(startUrl: string): Promise<void> {
  const origin = new URL(startUrl).origin;
  const seen = new Set<string>([startUrl]);
  const queue = [startUrl];
  const worker = async (): Promise<void> => {
    for (;;) {
      const url = queue.shift();
      if (url === undefined) {
        if (active === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      active++;
      try {
        const response = await fetch(url);
        const $ = cheerio.load(await response.text());
        pages++;
        $('a[href]').each((_i, element) => {
          try {
            const link = new URL($(element).attr('href') ?? '', url);
            link.hash = '';
            const href = link.toString();
            if (link.origin === origin && !NOT_A_PAGE.test(href) && !seen.has(href)) {
              seen.add(href);
              queue.push(href);
            }
          } catch {
            // not a URL
          }
        });
      } finally {
        active--;
      }
    }
  };
  let active = 0;
  await Promise.all(Array.from({ length: args.concurrencyPerHost }, worker));
}

await Promise.all(args.startUrls.map(crawlHost));
reportPages(pages);
process.exit(0);
