import { Cron } from 'croner';
import { z } from 'zod';
import { isValidJsonPath, JSON_PATH_SYNTAX } from '../fetch/json-path.js';
import { caFileProblem } from '../fetch/tls-ca.js';

/**
 * The one config schema. Every option has a default and a one-line doc (`.describe`), which the
 * README's config reference mirrors. Objects are strict: an unknown key is an error naming its path.
 */

const EVENT_TYPES = ['document.created', 'document.updated', 'document.removed'] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);

const regexString = z.string().refine(isValidRegex, { message: 'expected a valid regular expression' });
const cronString = z.string().refine(isValidCron, { message: 'expected a cron expression (5 fields, or 6 with seconds first), e.g. "0 7 * * *"' });

// Site access (difficult sites): set at the top level as defaults, per source to override them key by key.
const PROXY_PROTOCOLS = /^(https?|socks5h?):$/;
const proxyUrl = z.string().refine(isProxyUrl, {
  message: 'expected a proxy URL: http://, https:// or socks5://, e.g. http://user:${PROXY_PASSWORD}@proxy.example.cn:3128',
});
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headersRecord = z
  .record(z.string().regex(HEADER_NAME, 'expected an HTTP header name'), z.string().regex(/^[^\r\n\0]*$/, 'expected a header value without line breaks'))
  .refine((headers) => Object.entries(headers).every(([name, value]) => name.toLowerCase() !== 'user-agent' || value.includes('bureau-watch')), {
    message: 'a User-Agent header must contain "bureau-watch"',
  });
const cookiesRecord = z.record(
  z.string().regex(HEADER_NAME, 'expected a cookie name'),
  z.string().regex(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/, 'expected a cookie value (printable ASCII without spaces, quotes, ",", ";" or "\\")'),
);
const caFile = z.string().min(1).superRefine((path, ctx) => {
  const problem = caFileProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function tlsSchema(defaults: boolean) {
  const flag = (value: z.ZodBoolean) => (defaults ? value.default(false) : value.optional());
  return z.strictObject({
    insecure: flag(z.boolean()).describe('Skip certificate verification (expired, self-signed, wrong host); a warning is logged once per run.'),
    ca: caFile.optional().describe('PEM file of extra CA certificates (for an incomplete chain), added to the bundled ones; read and checked at load.'),
    legacyRenegotiation: flag(z.boolean()).describe('Allow servers without secure renegotiation (OpenSSL 3: "unsafe legacy renegotiation disabled").'),
  });
}

export const siteAccessDefaultsSchema = {
  proxy: proxyUrl.optional().describe('Proxy for every request of the sources (http, https, socks5); credentials via ${VAR}, redacted in logs.'),
  headers: headersRecord.default({}).describe('Extra request headers, e.g. Referer, Accept-Language (a User-Agent must keep "bureau-watch").'),
  cookies: cookiesRecord.default({}).describe('Cookies (name → value) sent to the sources\' start hosts.'),
  tls: tlsSchema(true).default({ insecure: false, legacyRenegotiation: false }).describe('TLS leniency for difficult servers.'),
};

const siteAccessSourceSchema = {
  proxy: proxyUrl.optional().describe('Proxy for this source (default: the top-level `proxy`).'),
  headers: headersRecord.optional().describe('Headers for this source, merged over the top-level `headers` by name.'),
  cookies: cookiesRecord.optional().describe('Cookies for this source, merged over the top-level `cookies` by name.'),
  tls: tlsSchema(false).optional().describe('TLS options for this source, merged over the top-level `tls` key by key.'),
};

/** The site access options alone, as a command's flags give them (`try URL`): the source-level rules. */
export const siteAccessOptionsSchema = z.strictObject(siteAccessSourceSchema);

export const listApiSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).refine((url) => url.includes('{page}'), { message: 'expected a URL template with a {page} placeholder' })
    .describe('JSON list endpoint with a {page} placeholder, e.g. https://x.gov.cn/api/list?col=12&page={page}.'),
  links: z.string().refine(isValidJsonPath, { message: `expected a JSON path: ${JSON_PATH_SYNTAX}` })
    .describe('Path to the document links in each answer, e.g. data.list[*].url.'),
  linkTemplate: z.string().refine((template) => template.includes('{value}'), { message: 'expected a template with a {value} placeholder' }).optional()
    .describe('Builds a link from each value (an id), e.g. /art/{value}.html; default: the value is the link.'),
  firstPage: z.number().int().min(0).default(1).describe('Number of the first page.'),
  maxPages: z.number().int().positive().default(500).describe('Pages read at most per run.'),
});

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected lowercase letters, digits and "-" only').describe('Unique, stable source id.'),
  name: z.string().default('').describe('Human-readable name of the bureau.'),
  startUrls: z.array(z.url({ protocol: /^https?$/ })).min(1).describe('Disclosure column URLs the crawl starts from.'),
  schedule: cronString.default('0 7 * * *').describe('Cron expression used by `schedule`.'),
  maxRequestsPerMinute: z.number().int().positive().default(30).describe('Politeness: requests per minute for this source.'),
  maxConcurrencyPerHost: z.number().int().positive().default(1).describe('Politeness: requests in flight per host at once.'),
  include: z.array(regexString).default([]).describe('Regexes; when set, a URL must match one of them to be followed.'),
  exclude: z.array(regexString).default([]).describe('Regexes; a URL matching any of them is never followed.'),
  maxPages: z.number().int().positive().default(100_000).describe('Upper bound on pages fetched per run for this source.'),
  stopAfterKnownListPage: z.boolean().default(true).describe('Stop paging a column once a whole list page held only known links (never on the first crawl).'),
  fetch: z.enum(['http', 'browser']).default('http').describe('`browser`: pages rendered by a system Chromium (script-built columns, JavaScript challenges).'),
  listApi: listApiSchema.optional().describe('A JSON API listing the column\'s documents, read page by page until a page brings nothing new.'),
  ...siteAccessSourceSchema,
});

const sinkIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, 'expected letters, digits, ".", "_", ":" or "-"')
  .optional()
  .describe('Key of this sink\'s delivery state; default derived from type and path or URL. Set it to keep the state when the path or URL changes.');

export const sinkSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ndjson').describe('Append events to a file, one JSON line each.'),
    id: sinkIdSchema,
    path: z.string().min(1).describe('File the events are appended to, one JSON line each.'),
  }),
  z.strictObject({ type: z.literal('stdout').describe('Print events on stdout, one JSON line each.'), id: sinkIdSchema }),
  z.strictObject({
    type: z.literal('webhook').describe('POST each event to a URL.'),
    id: sinkIdSchema,
    url: z.url({ protocol: /^https?$/ }).describe('Endpoint that receives a POST with the event as JSON body.'),
    secret: z.string().optional().describe('HMAC-SHA256 key; signature sent as X-Bureau-Watch-Signature.'),
    timeoutMs: z.number().int().positive().default(10_000).describe('Per-request timeout.'),
    retries: z.number().int().min(0).default(5).describe('Retries per delivery attempt, with exponential backoff.'),
    backoffMs: z.number().int().min(0).default(1_000).describe('Wait before the first retry; doubles on each further retry.'),
    concurrency: z.number().int().positive().default(1).describe('Requests in flight to this sink (1 keeps order).'),
  }),
]);

export const alertSchema = z.strictObject({
  name: z.string().min(1).describe('Name listed in an event\'s `alerts`.'),
  on: z.array(eventTypeSchema).default(['document.created']).describe('Event types the rule applies to.'),
  titlePattern: regexString.optional().describe('Regex the document title must match.'),
  sources: z.array(z.string()).optional().describe('Source ids the rule is limited to.'),
  fields: z.record(z.string(), regexString).optional().describe('Canonical field key → regex its value must match.'),
});

export const fetchSchema = z.strictObject({
  timeoutSecs: z.number().positive().default(30).describe('Time allowed for one HTTP request.'),
  maxBodyBytes: z.number().int().positive().default(10 * 1024 * 1024).describe('Larger bodies are cut off and the page skipped.'),
  maxRetries: z.number().int().min(0).default(3).describe('Retries for timeouts and 5xx, with backoff.'),
  retryBackoffMs: z.number().int().min(0).default(2000).describe('Wait before the first retry; doubled for each further one (±20% jitter, at most a minute).'),
});

export const browserSchema = z.strictObject({
  executablePath: z.string().min(1).optional().describe('Chromium or Chrome binary for `fetch: browser` sources (default: `chromium` found on PATH).'),
});

export const progressSchema = z.strictObject({
  intervalSecs: z.number().positive().default(30).describe('Seconds between progress log lines of a running crawl, per source.'),
});

export const schedulerSchema = z.strictObject({
  jitterSecs: z.number().min(0).default(60).describe('Each scheduled pass starts after a random delay of up to this many seconds.'),
  deliveryIntervalSecs: z.number().positive().default(30).describe('Under `schedule`, pending events are delivered at least this often (and after every pass).'),
  timezone: z.string().optional().describe('IANA time zone of the cron expressions, e.g. Asia/Shanghai (default: the machine\'s).'),
});

export const configSchema = z.strictObject({
  // An empty path would open a temporary database that vanishes at exit, silently losing the archive.
  database: z.string().min(1, 'expected a file path').default('storage/bureau-watch.db').describe('SQLite file of the archive.'),
  storageDir: z.string().default('storage').describe('Crawler working directory (contract key). Nothing is written there today: the crawler\'s queue lives in memory, purged each run; durable state is in the database.'),
  userAgent: z
    .string()
    .default('bureau-watch/0.1 (+https://github.com/bureau-watch/bureau-watch)')
    .refine((ua) => ua.includes('bureau-watch'), { message: 'must contain "bureau-watch"' })
    .describe('User-Agent header of every request.'),
  fetch: fetchSchema.default(fetchSchema.parse({})).describe('HTTP limits.'),
  ...siteAccessDefaultsSchema,
  browser: browserSchema.default(browserSchema.parse({})).describe('The browser of `fetch: browser` sources.'),
  sources: z.array(sourceSchema).default([]).describe('The bureaus to crawl.'),
  sinks: z.array(sinkSchema).default([]).describe('Where change events are delivered.'),
  alerts: z.array(alertSchema).default([]).describe('Rules that tag events.'),
  progress: progressSchema.default(progressSchema.parse({})).describe('Progress reporting of crawls.'),
  scheduler: schedulerSchema.default(schedulerSchema.parse({})).describe('The `schedule` daemon.'),
}).superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.sources.forEach((source, index) => {
    if (seen.has(source.id)) {
      ctx.addIssue({ code: 'custom', path: ['sources', index, 'id'], message: `duplicate source id "${source.id}"` });
    }
    seen.add(source.id);
  });
});

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type SinkConfig = z.infer<typeof sinkSchema>;
export type AlertConfig = z.infer<typeof alertSchema>;
export type EventType = z.infer<typeof eventTypeSchema>;
export type ListApiConfig = z.infer<typeof listApiSchema>;
export type BrowserConfig = z.infer<typeof browserSchema>;

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return PROXY_PROTOCOLS.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
