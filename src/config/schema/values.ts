/** Value schemas the config's sections share: regexes, secrets, templates, cron, time zones, host names, URLs. */
import { Cron } from 'croner';
import Mustache from 'mustache';
import { z } from 'zod';
import { EVENT_TYPES } from '../../events/event-types.js';
import { linearRegexProblem } from '../linear-regex.js';

export const eventTypeSchema = z.enum(EVENT_TYPES);

// Matched with RE2 (linear time) against site-chosen strings: see linear-regex.ts.
export const regexString = z.string().superRefine((pattern, ctx) => {
  const problem = linearRegexProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
// `whsec_<base64>` is the Standard Webhooks form (the key is the decoded bytes); any other string is the key itself.
export const webhookSecret = z
  .string()
  .min(1)
  .refine((secret) => !secret.startsWith('whsec_') || /^[A-Za-z0-9+/]+={0,2}$/.test(secret.slice(6)), {
    message: 'expected a non-empty string, or whsec_ followed by the key in base64 (Standard Webhooks)',
  });
export const templateString = z
  .string()
  .refine(isValidTemplate, { message: 'expected a Mustache template ({{title}}, {{#alerts}}…{{/alerts}}), with every section closed' });
export const cronString = z.string().superRefine((pattern, ctx) => {
  const problem = cronProblem(pattern);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const timeZone = z.string().refine(isKnownTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai or UTC' });

// A host name, or `*.` and a domain for every host under it; no scheme, port or path.
export const hostPattern = z
  .string()
  .regex(
    /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i,
    'expected a host name (file.example.gov.cn) or *.domain (*.example.gov.cn), without scheme, port or path',
  );

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

export function hasNoCredentials(url: string): boolean {
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
