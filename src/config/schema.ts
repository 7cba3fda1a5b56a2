/**
 * The one config schema. Every option has a default and a one-line doc (`.describe`), which the
 * README's config reference mirrors. Objects are strict: an unknown key is an error naming its path.
 * Its sections live in schema/ (one file each); this module composes them.
 */
import { z } from 'zod';
import { MAJOR_MINOR_VERSION } from '../version.js';
import { alertSchema } from './schema/alerts.js';
import {
  attachmentsSchema,
  browserSchema,
  deliverySchema,
  fetchSchema,
  healthSchema,
  lockSchema,
  pagesSchema,
  progressSchema,
  schedulerSchema,
} from './schema/settings.js';
import { sinkFilterSchema, sinkSchema } from './schema/sinks.js';
import { siteAccessDefaultsSchema } from './schema/site-access.js';
import { listApiSchema, revisitSchema, sourceSchema } from './schema/source.js';

export { ATTACHMENT_KINDS, alertSchema } from './schema/alerts.js';
export { attachmentsSchema, browserSchema, deliverySchema, fetchSchema, healthSchema, lockSchema, progressSchema, schedulerSchema } from './schema/settings.js';
export { sinkSchema } from './schema/sinks.js';
export { siteAccessDefaultsSchema, siteAccessOptionsSchema } from './schema/site-access.js';
export { listApiSchema, revisitSchema, sourceSchema } from './schema/source.js';
export { eventTypeSchema } from './schema/values.js';

export const configSchema = z
  .strictObject({
    // An empty path would open a temporary database that vanishes at exit, silently losing the archive.
    database: z.string().min(1, 'expected a file path').default('storage/bureau-watch.db').describe('SQLite file of the archive.'),
    storageDir: z
      .string()
      .default('storage')
      .describe(
        "Crawler working directory (contract key). Nothing is written there today: the crawler's queue lives in memory, purged each run; durable state is in the database.",
      ),
    userAgent: z
      .string()
      .default(`bureau-watch/${MAJOR_MINOR_VERSION} (+https://github.com/bureau-watch/bureau-watch)`)
      .refine((ua) => ua.includes('bureau-watch'), { message: 'must contain "bureau-watch"' })
      .describe('User-Agent header of every request.'),
    fetch: fetchSchema.default(fetchSchema.parse({})).describe('HTTP limits.'),
    ...siteAccessDefaultsSchema,
    browser: browserSchema.default(browserSchema.parse({})).describe('The browser of `fetch: browser` sources.'),
    attachments: attachmentsSchema.default(attachmentsSchema.parse({})).describe('Attachments of documents: fetching and reading their text.'),
    pages: pagesSchema.default(pagesSchema.parse({})).describe('Page processing (decode, parse, extract) in worker threads.'),
    sources: z.array(sourceSchema).default([]).describe('The bureaus to crawl.'),
    sinks: z.array(sinkSchema).default([]).describe('Where change events are delivered.'),
    alerts: z.array(alertSchema).default([]).describe('Rules that tag events.'),
    progress: progressSchema.default(progressSchema.parse({})).describe('Progress reporting of crawls.'),
    scheduler: schedulerSchema.default(schedulerSchema.parse({})).describe('The `schedule` daemon.'),
    health: healthSchema.default(healthSchema.parse({})).describe('Source health events.'),
    delivery: deliverySchema.default(deliverySchema.parse({})).describe('Event delivery by `crawl`.'),
    lock: lockSchema.default(lockSchema.parse({})).describe('The run lock of `crawl` and `schedule`.'),
    revisit: revisitSchema
      .default(revisitSchema.parse({}))
      .describe('Revisits of known documents: list pages are read every run, known documents when their next check is due.'),
  })
  .superRefine((config, ctx) => {
    const duplicates = (items: { name: string; path: (string | number)[] }[], what: string) => {
      const seen = new Set<string>();
      for (const item of items) {
        if (seen.has(item.name)) ctx.addIssue({ code: 'custom', path: item.path, message: `duplicate ${what} "${item.name}"` });
        seen.add(item.name);
      }
    };
    duplicates(
      config.sources.map((source, index) => ({ name: source.id, path: ['sources', index, 'id'] })),
      'source id',
    );
    // Events list the names of the rules they match: two rules of one name could not be told apart.
    duplicates(
      config.alerts.map((alert, index) => ({ name: alert.name, path: ['alerts', index, 'name'] })),
      'alert name',
    );
  });

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
/**
 * A sink's settings. `startAt` is filled in by the schema (per type); a sink built in code without
 * it starts at the beginning of the outbox.
 */
export type SinkConfig = WithOptional<z.infer<typeof sinkSchema>, 'startAt'>;
type WithOptional<T, K extends PropertyKey> = T extends unknown ? Omit<T, K & keyof T> & Partial<Pick<T, K & keyof T>> : never;
export type AlertConfig = z.infer<typeof alertSchema>;
export type SinkFilterConfig = z.infer<typeof sinkFilterSchema>;
export type ListApiConfig = z.infer<typeof listApiSchema>;
export type BrowserConfig = z.infer<typeof browserSchema>;
export type AttachmentsConfig = z.infer<typeof attachmentsSchema>;
/** An alert rule as written: the keys with a default may be left out. */
export type AlertRule = z.input<typeof alertSchema> & Pick<AlertConfig, 'name' | 'on'>;
export type RevisitConfig = z.infer<typeof revisitSchema>;

/** A source's revisit settings: its own keys over the top-level ones. */
export function revisitOf(config: Pick<Config, 'revisit'>, source: Pick<SourceConfig, 'revisit'>): RevisitConfig {
  return { maxDays: source.revisit?.maxDays ?? config.revisit.maxDays, budget: source.revisit?.budget ?? config.revisit.budget };
}
