/** Sinks: where change events are delivered (files, stdout, webhooks, chat robots, email). */
import { z } from 'zod';
import { eventTypeSchema, hasNoCredentials, templateString, webhookSecret } from './values.js';

const sinkIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, 'expected letters, digits, ".", "_", ":" or "-"')
  .optional()
  .describe("Key of this sink's delivery state; default derived from type and path or URL. Set it to keep the state when the path or URL changes.");

export const sinkFilterSchema = z
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
