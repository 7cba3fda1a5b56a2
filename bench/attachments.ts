/**
 * `npm run bench:attachments`: attachment reading throughput per type alone (bench/attachments/read-bench.ts),
 * and with `--crawl-notices N` a crawl with attachments too (bench/attachments/crawl-bench.ts);
 * `npm run bench` runs both (40 notices).
 *
 *   node --import tsx bench/attachments.ts [--budget-ms 4000] [--only pdf-cid,docx] [--crawl-notices 40]
 *
 * Prints Markdown.
 */
import { parseArgs } from 'node:util';
import { runAttachmentCrawlBench } from './attachments/crawl-bench.js';
import { benchTypes } from './attachments/files.js';
import { runAttachmentReadBench } from './attachments/read-bench.js';

const { values: flags } = parseArgs({
  options: { 'budget-ms': { type: 'string', default: '4000' }, only: { type: 'string' }, 'crawl-notices': { type: 'string', default: '0' } },
});
const types = flags.only ? benchTypes.filter((type) => flags.only!.split(',').includes(type)) : benchTypes;
const say = (line: string) => console.error(line);
if (types.length > 0) console.log(await runAttachmentReadBench({ types, budgetMs: Number(flags['budget-ms']), progress: say }));
const notices = Number(flags['crawl-notices']);
if (notices > 0) for (const line of await runAttachmentCrawlBench(notices, say)) console.log(`- ${line}`);
