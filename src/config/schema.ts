/**
 * The one config schema. Every option has a default and a one-line doc (`.describe`), which the
 * README's config reference mirrors. Objects are strict: an unknown key is an error naming its path.
 */
import { Cron } from 'croner';
import Mustache from 'mustache';
import { z } from 'zod';
import { EVENT_TYPES } from '../events/event-types.js';
import { MAJOR_MINOR_VERSION } from '../version.js';
import { caFileProblem } from './ca-file.js';
import { isValidJsonPath, JSON_PATH_SYNTAX } from './json-path.js';
import { linearRegexProblem } from './linear-regex.js';

export const eventTypeSchema = z.enum(EVENT_TYPES);

// Matched with RE2 (linear time) against site-chosen strings: see linear-regex.ts.
const regexString = z.string().superRefine((pattern, ctx) => {
  const problem = linearRegexProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
// `whsec_<base64>` is the Standard Webhooks form (the key is the decoded bytes); any other string is the key itself.
const webhookSecret = z
  .string()
  .min(1)
  .refine((secret) => !secret.startsWith('whsec_') || /^[A-Za-z0-9+/]+={0,2}$/.test(secret.slice(6)), {
    message: 'expected a non-empty string, or whsec_ followed by the key in base64 (Standard Webhooks)',
  });
const templateString = z
  .string()
  .refine(isValidTemplate, { message: 'expected a Mustache template ({{title}}, {{#alerts}}…{{/alerts}}), with every section closed' });
const cronString = z.string().superRefine((pattern, ctx) => {
  const problem = cronProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const timeZone = z.string().refine(isKnownTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai or UTC' });

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
const caFile = z
  .string()
  .min(1)
  .superRefine((path, ctx) => {
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
  cookies: cookiesRecord.default({}).describe("Cookies (name → value) sent to the sources' start hosts."),
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

// A host name, or `*.` and a domain for every host under it; no scheme, port or path.
const hostPattern = z
  .string()
  .regex(
    /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i,
    'expected a host name (file.example.gov.cn) or *.domain (*.example.gov.cn), without scheme, port or path',
  );

/** Kinds an attachment is identified as from its bytes (src/attachments/identify.ts), as alert rules name them. */
export const ATTACHMENT_KINDS = ['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'ppt', 'pptx', 'ole2', 'ofd', 'zip', 'rar', '7z', 'image', 'other'] as const;

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
  attachmentHosts: z
    .array(hostPattern)
    .default([])
    .describe("Hosts besides a document page's own that its attachments may be fetched from (a file server), e.g. file.example.gov.cn or *.example.gov.cn."),
  ...siteAccessSourceSchema,
});

const sinkIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, 'expected letters, digits, ".", "_", ":" or "-"')
  .optional()
  .describe("Key of this sink's delivery state; default derived from type and path or URL. Set it to keep the state when the path or URL changes.");

const sinkFilterSchema = z
  .strictObject({
    alerts: z.array(z.string().min(1)).min(1).optional().describe('Only events that matched at least one of these alert rules.'),
    sources: z.array(z.string().min(1)).min(1).optional().describe('Only events of these source ids.'),
    types: z.array(eventTypeSchema).min(1).optional().describe('Only these event types.'),
  })
  .optional()
  .describe('Deliver only events matching every condition set here; the others are passed over (the cursor moves on without sending).');

/**
 * Where a sink's delivery starts the first time it is used (its cursor is created): `beginning`
 * sends every recorded event, `now` only those recorded after that moment, so a chat group or a
 * mailbox added to an old archive is not flooded with its whole history.
 */
function startAtSchema(fallback: 'beginning' | 'now') {
  return z
    .enum(['beginning', 'now'])
    .default(fallback)
    .describe('First delivery to this sink: `beginning` sends every recorded event, `now` only events recorded after that first delivery.');
}

/** Options every HTTP chat robot shares; `minIntervalMs` defaults to the platform's documented rate limit. */
function robotOptions(minIntervalMs: number, urlDoc: string) {
  return {
    id: sinkIdSchema,
    url: z.url({ protocol: /^https?$/ }).describe(urlDoc),
    timeoutMs: z.number().int().positive().default(10_000).describe('Per-request timeout.'),
    retries: z.number().int().min(0).default(5).describe('Retries per delivery attempt, with exponential backoff.'),
    backoffMs: z.number().int().min(0).default(1_000).describe('Wait before the first retry; doubles on each further retry.'),
    minIntervalMs: z.number().int().min(0).default(minIntervalMs).describe('Least time between two messages (the platform throttles faster senders).'),
    filter: sinkFilterSchema,
    startAt: startAtSchema('now'),
  };
}

const robotTemplateFields = {
  title: templateString.optional().describe('Mustache template of the message title (default: Chinese, see README).'),
  text: templateString.optional().describe('Mustache template of the Markdown message body (default: Chinese, see README).'),
};
const TEMPLATE_DOC = 'Message templates; values are escaped so a page title cannot add Markdown or links.';
const robotTemplateSchema = z.strictObject(robotTemplateFields).default({}).describe(TEMPLATE_DOC);
// WeCom Markdown messages have no title: the body's first line (a heading by default) serves.
const wecomTemplateSchema = z.strictObject({ text: robotTemplateFields.text }).default({}).describe(TEMPLATE_DOC);

const chatSinkSchemas = [
  z.strictObject({
    type: z.literal('dingtalk').describe('DingTalk group robot (钉钉自定义机器人): a Markdown message per event.'),
    ...robotOptions(3_000, 'Robot webhook, https://oapi.dingtalk.com/robot/send?access_token=…'),
    secret: z.string().optional().describe('加签 secret (SEC…): adds timestamp and sign to the URL.'),
    template: robotTemplateSchema,
  }),
  z.strictObject({
    type: z.literal('wecom').describe('WeCom group robot (企业微信群机器人): a Markdown message per event.'),
    ...robotOptions(3_000, 'Robot webhook, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (the key is the credential).'),
    template: wecomTemplateSchema,
  }),
  z.strictObject({
    type: z.literal('feishu').describe('Feishu/Lark group robot (飞书自定义机器人): a card with a Markdown body per event.'),
    ...robotOptions(200, 'Robot webhook, https://open.feishu.cn/open-apis/bot/v2/hook/…'),
    secret: z.string().optional().describe('签名校验 secret: adds timestamp and sign to the request body.'),
    template: robotTemplateSchema,
  }),
  z.strictObject({
    type: z.literal('email').describe('Send each event as a mail over SMTP.'),
    id: sinkIdSchema,
    host: z.string().min(1).describe('SMTP server host name.'),
    port: z.number().int().min(1).max(65_535).optional().describe('SMTP port (default: 465 with `security: tls`, else 587).'),
    security: z
      .enum(['starttls', 'tls', 'none'])
      .default('starttls')
      .describe('starttls: upgrade required (fails if the server cannot); tls: TLS from the first byte; none: plain text.'),
    caFile: z.string().optional().describe('PEM file of extra CA certificates to trust (a private or self-signed server certificate).'),
    user: z.string().optional().describe('SMTP login; no authentication when unset.'),
    password: z.string().optional().describe('SMTP password (use ${VAR}); never logged.'),
    from: z.string().min(1).describe('Sender, e.g. "bureau-watch <alerts@example.org>".'),
    to: z.array(z.string().min(1)).min(1).describe('Recipients; one mail per event goes to all of them.'),
    timeoutMs: z.number().int().positive().default(30_000).describe('Connection and per-command timeout.'),
    retries: z.number().int().min(0).default(3).describe('Retries per delivery attempt, with exponential backoff.'),
    backoffMs: z.number().int().min(0).default(2_000).describe('Wait before the first retry; doubles on each further retry.'),
    filter: sinkFilterSchema,
    startAt: startAtSchema('now'),
    template: z
      .strictObject({
        subject: templateString.optional().describe('Mustache template of the subject (default: Chinese, see README).'),
        text: templateString.optional().describe('Mustache template of the plain-text body.'),
        html: templateString.optional().describe('Mustache template of the HTML body (values HTML-escaped).'),
      })
      .default({})
      .describe('Mail templates.'),
  }),
] as const;

export const sinkSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ndjson').describe('Append events to a file, one JSON line each.'),
    id: sinkIdSchema,
    path: z.string().min(1).describe('File the events are appended to, one JSON line each.'),
    filter: sinkFilterSchema,
    startAt: startAtSchema('beginning'),
  }),
  z.strictObject({
    type: z.literal('stdout').describe('Print events on stdout, one JSON line each.'),
    id: sinkIdSchema,
    filter: sinkFilterSchema,
    startAt: startAtSchema('beginning'),
  }),
  z
    .strictObject({
      type: z.literal('webhook').describe('POST each event to a URL.'),
      id: sinkIdSchema,
      url: z
        .url({ protocol: /^https?$/ })
        // The message never repeats the URL: it holds the password.
        .refine(hasNoCredentials, {
          message: 'expected a URL without user:password@ (it would reach logs, and fetch refuses it); let the receiver verify `secret` signatures instead',
        })
        .describe('Endpoint that receives a POST with the event as JSON body (no user:password@).'),
      secret: webhookSecret
        .optional()
        .describe('HMAC-SHA256 key (a string, or whsec_<base64>): Standard Webhooks headers webhook-id/-timestamp/-signature and X-Bureau-Watch-Signature.'),
      secrets: z
        .array(webhookSecret)
        .min(1)
        .optional()
        .describe('Several keys, for rotation (instead of `secret`): one v1 signature each in webhook-signature; X-Bureau-Watch-Signature uses the first.'),
      timeoutMs: z.number().int().positive().default(10_000).describe('Per-request timeout.'),
      retries: z.number().int().min(0).default(5).describe('Retries per delivery attempt, with exponential backoff.'),
      backoffMs: z.number().int().min(0).default(1_000).describe('Wait before the first retry; doubles on each further retry.'),
      concurrency: z.number().int().positive().default(1).describe('Requests in flight to this sink (1 keeps order).'),
      filter: sinkFilterSchema,
      startAt: startAtSchema('beginning'),
    })
    .refine((sink) => sink.secret === undefined || sink.secrets === undefined, {
      path: ['secrets'],
      message: 'expected `secret` or `secrets`, not both (list every key under `secrets`)',
    }),
  ...chatSinkSchemas,
]);

export const alertSchema = z.strictObject({
  name: z.string().min(1).describe("Name listed in an event's `alerts`."),
  on: z.array(eventTypeSchema).default(['document.created']).describe('Event types the rule applies to.'),
  titlePattern: regexString.optional().describe('Regex (RE2 syntax, linear-time; titles cut to 4096 characters) the document title must match.'),
  sources: z.array(z.string()).optional().describe('Source ids the rule is limited to.'),
  fields: z.record(z.string(), regexString).optional().describe('Canonical field key → regex (RE2 syntax) its value must match.'),
  attachmentPattern: regexString
    .optional()
    .describe("Regex (RE2 syntax) an attachment name must match: one the event brings (all of a new document's; those added or changed by an update)."),
  attachmentTypes: z
    .array(z.enum(ATTACHMENT_KINDS))
    .min(1)
    .optional()
    .describe(
      "Kinds one of those attachments must be (by its bytes; by its name's extension when it was not fetched), e.g. [pdf, ofd]; with attachmentPattern, the same attachment must match both.",
    ),
});

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
    sources: z.array(sourceSchema).default([]).describe('The bureaus to crawl.'),
    sinks: z.array(sinkSchema).default([]).describe('Where change events are delivered.'),
    alerts: z.array(alertSchema).default([]).describe('Rules that tag events.'),
    progress: progressSchema.default(progressSchema.parse({})).describe('Progress reporting of crawls.'),
    scheduler: schedulerSchema.default(schedulerSchema.parse({})).describe('The `schedule` daemon.'),
    health: healthSchema.default(healthSchema.parse({})).describe('Source health events.'),
    delivery: deliverySchema.default(deliverySchema.parse({})).describe('Event delivery by `crawl`.'),
    lock: lockSchema.default(lockSchema.parse({})).describe('The run lock of `crawl` and `schedule`.'),
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

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return PROXY_PROTOCOLS.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Why a cron expression is refused: unparsable, or one that never comes due (`0 0 31 2 *`, 31 February). */
function cronProblem(pattern: string): string | undefined {
  let job: Cron;
  try {
    job = new Cron(pattern, { paused: true });
  } catch {
    return 'expected a cron expression (5 fields, or 6 with seconds first), e.g. "0 7 * * *"';
  }
  const next = job.nextRun();
  job.stop();
  return next ? undefined : `"${pattern}" never comes due (no such date): expected a cron expression that fires, e.g. "0 7 * * *"`;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function hasNoCredentials(url: string): boolean {
  // Zod runs this check after a failed URL check too: an unparsable URL is that check's to report.
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return !parsed || (parsed.username === '' && parsed.password === '');
}

function isValidTemplate(template: string): boolean {
  try {
    Mustache.parse(template);
    return true;
  } catch {
    return false;
  }
}
