import { isIP } from 'node:net';
import type { SinkConfig } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import { redactUrl } from './redact-url.js';

/**
 * Webhook settings that work but are unsafe, warned about when a delivering command (crawl,
 * deliver, schedule) loads its config: without a secret a receiver cannot tell our POSTs from
 * forged ones; over plain http to another machine events and signatures travel readable and
 * alterable. Loopback http (a receiver on the same machine) is fine.
 */
export function webhookWarnings(sinks: readonly SinkConfig[]): { key: string; sink: string; message: string }[] {
  return sinks.flatMap((sink, index) => {
    if (sink.type !== 'webhook') return [];
    const where = { key: `sinks.${index}`, sink: redactUrl(sink.url) };
    const warnings: { key: string; sink: string; message: string }[] = [];
    if (sink.secret === undefined && sink.secrets === undefined) {
      warnings.push({ ...where, message: `webhook ${where.key} has no secret: its receiver cannot tell these requests from forged ones (set \`secret\`)` });
    }
    const url = new URL(sink.url);
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      warnings.push({
        ...where,
        message: `webhook ${where.key} posts over plain http to ${url.host}, not a loopback address: events and signatures can be read and altered on the way (use https)`,
      });
    }
    return warnings;
  });
}

export function warnAboutWebhooks(sinks: readonly SinkConfig[], log: Logger): void {
  for (const { key, sink, message } of webhookWarnings(sinks)) log.warn({ key, sink }, message);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || /^::ffff:127\./.test(host) || /^::ffff:7f/.test(host);
}
