/** The run-wide settings: HTTP limits, attachments, browser, progress, scheduler, health, delivery, run lock. */
import { z } from 'zod';
import { timeZone } from './values.js';

export const fetchSchema = z.strictObject({
  timeoutSecs: z.number().positive().default(30).describe('Time allowed for one HTTP request.'),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024)
    .describe('Larger bodies are cut off and the page skipped.'),
  maxRetries: z.number().int().min(0).default(3).describe('Retries for timeouts and 5xx, with backoff.'),
  retryBackoffMs: z.number().int().min(0).default(2000).describe('Wait before the first retry; doubled for each further one (±20% jitter, at most a minute).'),
  maxAttachmentBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024)
    .describe('Larger attachments are not downloaded; their status is `too-large`.'),
});

export const attachmentsSchema = z.strictObject({
  fetch: z.boolean().default(true).describe('Fetch, store and read the attachments of documents (false: record their links only).'),
  concurrency: z.number().int().positive().default(2).describe('Attachments fetched and read at once per run (each read takes a worker thread).'),
  readTimeoutSecs: z.number().positive().default(30).describe("Time allowed to read one file's text; past it the read fails (`failed`, timeout)."),
  maxHeapMb: z.number().int().positive().default(512).describe('Heap cap of the worker reading one file.'),
  maxInflatedBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024)
    .describe('Bytes one file may inflate to (ZIP members, OFD and Office parts, PDF streams); more fails the read (a bomb).'),
  ocr: z.enum(['auto', 'off']).default('auto').describe('`auto`: PDFs without a text layer and images are OCRed when tesseract (and pdftoppm) are on PATH.'),
});

export const browserSchema = z.strictObject({
  executablePath: z.string().min(1).optional().describe('Chromium or Chrome binary for `fetch: browser` sources (default: `chromium` found on PATH).'),
});

export const pagesSchema = z.strictObject({
  workers: z
    .union([z.literal('auto'), z.number().int().min(0)])
    .default('auto')
    .describe("Threads that decode, parse and extract pages beside the crawl's own (`auto`: CPU cores − 1, so 0 on 1 core; 0: none)."),
  inProcessPages: z.number().int().min(0).default(50).describe("A run's first pages are processed in the crawl's own thread: a small run starts no worker."),
  maxHeapMb: z.number().int().positive().default(512).describe('Heap cap of each page worker; a page that needs more is an error of its source.'),
  timeoutSecs: z.number().positive().default(60).describe('Time allowed to process one page in a worker; past it the page is an error of its source.'),
});

export const progressSchema = z.strictObject({
  intervalSecs: z.number().positive().default(30).describe('Seconds between progress log lines of a running crawl, per source.'),
});

export const schedulerSchema = z.strictObject({
  jitterSecs: z.number().min(0).default(60).describe('Each scheduled pass starts after a random delay of up to this many seconds.'),
  deliveryIntervalSecs: z
    .number()
    .positive()
    .default(30)
    .describe('Under `schedule`, pending events are delivered at least this often (and after every pass).'),
  timezone: timeZone.optional().describe("IANA time zone of the cron expressions, e.g. Asia/Shanghai (default: the machine's)."),
});

export const healthSchema = z.strictObject({
  silentAfterRuns: z
    .number()
    .int()
    .positive()
    .default(3)
    .describe('A source holding documents whose lists offer none for this many runs in a row raises `source.silent`.'),
});

export const deliverySchema = z.strictObject({
  afterCrawlSecs: z
    .number()
    .min(0)
    .default(20)
    .describe('Time `crawl` spends delivering events at its end; what is left stays pending for `deliver` or the next run.'),
});

export const lockSchema = z.strictObject({
  heartbeatSecs: z
    .number()
    .positive()
    .default(15)
    .describe("How often the run lock's holder stamps its heartbeat (from a thread of its own: a busy crawl still does)."),
  staleSecs: z
    .number()
    .positive()
    .default(300)
    .describe('A run lock whose heartbeat is older than this is stale and taken over (a process gone from this host is at once).'),
});
