/** A source (one bureau's disclosure columns): where the crawl starts, its politeness, scope and revisits. */
import { z } from 'zod';
import { isValidJsonPath, JSON_PATH_SYNTAX } from '../json-path.js';
import { siteAccessSourceSchema } from './site-access.js';
import { cronString, hasNoCredentials, hostPattern, regexString } from './values.js';

export const listApiSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.includes('{page}'), { message: 'expected a URL template with a {page} placeholder' })
    .describe('JSON list endpoint with a {page} placeholder, e.g. https://x.gov.cn/api/list?col=12&page={page}.'),
  links: z
    .string()
    .refine(isValidJsonPath, { message: `expected a JSON path: ${JSON_PATH_SYNTAX}` })
    .describe('Path to the document links in each answer, e.g. data.list[*].url.'),
  linkTemplate: z
    .string()
    .refine((template) => template.includes('{value}'), { message: 'expected a template with a {value} placeholder' })
    .optional()
    .describe('Builds a link from each value (an id), e.g. /art/{value}.html; default: the value is the link.'),
  firstPage: z.number().int().min(0).default(1).describe('Number of the first page.'),
  maxPages: z.number().int().positive().default(500).describe('Pages read at most per run.'),
});

// Known documents are revisited on a schedule: set at the top level, per source to override key by key.
const REVISIT_DOCS = {
  maxDays: 'Longest interval between two checks of a known document: it doubles from 1 day while the document stays unchanged, up to this.',
  budget:
    'Known documents revisited per run and source at most, beyond the list pages (due ones, listed and recent first); a document that answered 404 last run is revisited anyway.',
};
const revisitMaxDays = z.number().int().min(1).max(365);
const revisitBudget = z.number().int().min(0);

export const revisitSchema = z.strictObject({
  maxDays: revisitMaxDays.default(30).describe(REVISIT_DOCS.maxDays),
  budget: revisitBudget.default(200).describe(REVISIT_DOCS.budget),
});

export const sourceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected lowercase letters, digits and "-" only')
    .describe('Unique, stable source id.'),
  name: z.string().default('').describe('Human-readable name of the bureau.'),
  startUrls: z
    .array(
      z
        .url({ protocol: /^https?$/ })
        // The message never repeats the URL: it holds the password.
        .refine(hasNoCredentials, {
          message:
            'expected a URL without user:password@ (it would reach logs, events and the archive); send credentials as `headers` or `cookies` with ${VAR}',
        }),
    )
    .min(1)
    .describe('Disclosure column URLs the crawl starts from (no user:password@).'),
  schedule: cronString.default('0 7 * * *').describe('Cron expression used by `schedule`.'),
  maxRequestsPerMinute: z
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Politeness: requests per minute, as spacing: request starts on a host 60/N seconds apart (a burst of one).'),
  maxConcurrencyPerHost: z.number().int().positive().default(1).describe('Politeness: requests in flight per host at once.'),
  include: z
    .array(regexString)
    .default([])
    .describe('Regexes (RE2 syntax, linear-time; URLs cut to 4096 characters); when set, a URL must match one of them to be followed.'),
  exclude: z.array(regexString).default([]).describe('Regexes (RE2 syntax, linear-time); a URL matching any of them is never followed.'),
  maxPages: z.number().int().positive().default(100_000).describe('Upper bound on pages fetched per run for this source.'),
  stopAfterKnownListPage: z.boolean().default(true).describe('Stop paging a column once a whole list page held only known links (never on the first crawl).'),
  fetch: z.enum(['http', 'browser']).default('http').describe('`browser`: pages rendered by a system Chromium (script-built columns, JavaScript challenges).'),
  listApi: listApiSchema.optional().describe("A JSON API listing the column's documents, read page by page until a page brings nothing new."),
  revisit: z
    .strictObject({
      maxDays: revisitMaxDays.optional().describe("Longest revisit interval for this source's documents (default: the top-level `revisit.maxDays`)."),
      budget: revisitBudget.optional().describe('Revisits per run for this source (default: the top-level `revisit.budget`).'),
    })
    .optional()
    .describe('Revisit schedule of this source, merged over the top-level `revisit` key by key.'),
  attachmentHosts: z
    .array(hostPattern)
    .default([])
    .describe("Hosts besides a document page's own that its attachments may be fetched from (a file server), e.g. file.example.gov.cn or *.example.gov.cn."),
  ...siteAccessSourceSchema,
});
