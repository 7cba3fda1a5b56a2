import type { SinkConfig } from '../../config/schema.js';
import { sha256Hex } from '../../hash.js';
import type { Logger } from '../../log.js';
import { DingtalkSink } from './dingtalk-sink.js';
import { EmailSink, defaultSmtpPort } from './email-sink.js';
import { NO_DETAILS, type EventDetailsReader } from './event-details.js';
import { FeishuSink } from './feishu-sink.js';
import { FilteredSink, compileSinkFilter } from './filter.js';
import { NdjsonSink } from './ndjson-sink.js';
import type { Sink } from './sink.js';
import { StdoutSink } from './stdout-sink.js';
import { WebhookSink } from './webhook-sink.js';
import { WecomSink } from './wecom-sink.js';

export interface SinkEnvironment {
  log: Logger;
  stdout: NodeJS.WritableStream;
  userAgent: string;
  /** Source names and publication dates for message templates; default: none (source ids, no dates). */
  details?: EventDetailsReader;
}

/**
 * A sink's stable id, derived from its config: `ndjson:<path>`, `stdout`, or `webhook:<16 hex of
 * sha256(url)>` (hashed: the URL may carry a token; likewise `dingtalk:`, `wecom:`, `feishu:`), or
 * `email:<16 hex of sha256(host, port and recipients)>`. An explicit `id` in the config wins.
 */
export function sinkIdentity(config: SinkConfig): { id: string; label: string } {
  switch (config.type) {
    case 'ndjson':
      return { id: config.id ?? `ndjson:${config.path}`, label: `ndjson ${config.path}` };
    case 'stdout':
      return { id: config.id ?? 'stdout', label: 'stdout' };
    case 'webhook':
      return { id: config.id ?? `webhook:${sha256Hex(config.url).slice(0, 16)}`, label: `webhook ${new URL(config.url).origin}` };
    case 'dingtalk':
    case 'wecom':
    case 'feishu':
      // The robot's URL carries its token (query or path): only the origin is shown.
      return { id: config.id ?? `${config.type}:${sha256Hex(config.url).slice(0, 16)}`, label: `${config.type} ${new URL(config.url).origin}` };
    case 'email': {
      const server = `${config.host}:${config.port ?? defaultSmtpPort(config.security)}`;
      return { id: config.id ?? `email:${sha256Hex(JSON.stringify([server, [...config.to].sort()])).slice(0, 16)}`, label: `email ${server}` };
    }
  }
}

/** The sink for a config entry, behind its filter when it has one. */
export function createSink(config: SinkConfig, environment: SinkEnvironment): Sink {
  const sink = createUnfilteredSink(config, environment);
  return config.filter ? new FilteredSink(sink, compileSinkFilter(config.filter)) : sink;
}

function createUnfilteredSink(config: SinkConfig, environment: SinkEnvironment): Sink {
  const { id, label } = sinkIdentity(config);
  const robot = { log: environment.log, details: environment.details ?? NO_DETAILS };
  switch (config.type) {
    case 'ndjson':
      return new NdjsonSink(id, label, config.path);
    case 'stdout':
      return new StdoutSink(id, label, environment.stdout);
    case 'webhook':
      return new WebhookSink(id, label, { ...config, secrets: webhookSecrets(config), userAgent: environment.userAgent }, environment.log);
    case 'dingtalk':
      return new DingtalkSink(id, label, { ...config, userAgent: environment.userAgent }, robot);
    case 'wecom':
      return new WecomSink(id, label, { ...config, userAgent: environment.userAgent }, robot);
    case 'feishu':
      return new FeishuSink(id, label, { ...config, userAgent: environment.userAgent }, robot);
    case 'email':
      return new EmailSink(id, label, config, robot);
  }
}

/** `secrets` (rotation), else `secret`, else none. */
export function webhookSecrets(config: Extract<SinkConfig, { type: 'webhook' }>): string[] {
  return config.secrets ?? (config.secret === undefined ? [] : [config.secret]);
}
