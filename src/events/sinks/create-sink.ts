import type { SinkConfig } from '../../config/schema.js';
import { sha256Hex } from '../../hash.js';
import type { Logger } from '../../log.js';
import { NdjsonSink } from './ndjson-sink.js';
import type { Sink } from './sink.js';
import { StdoutSink } from './stdout-sink.js';
import { WebhookSink } from './webhook-sink.js';

export interface SinkEnvironment {
  log: Logger;
  stdout: NodeJS.WritableStream;
  userAgent: string;
}

/**
 * A sink's stable id, derived from its config: `ndjson:<path>`, `stdout`, or `webhook:<16 hex of
 * sha256(url)>` (hashed: the URL may carry a token). An explicit `id` in the config wins.
 */
export function sinkIdentity(config: SinkConfig): { id: string; label: string } {
  switch (config.type) {
    case 'ndjson':
      return { id: config.id ?? `ndjson:${config.path}`, label: `ndjson ${config.path}` };
    case 'stdout':
      return { id: config.id ?? 'stdout', label: 'stdout' };
    case 'webhook':
      return { id: config.id ?? `webhook:${sha256Hex(config.url).slice(0, 16)}`, label: `webhook ${new URL(config.url).origin}` };
  }
}

export function createSink(config: SinkConfig, environment: SinkEnvironment): Sink {
  const { id, label } = sinkIdentity(config);
  switch (config.type) {
    case 'ndjson':
      return new NdjsonSink(id, label, config.path);
    case 'stdout':
      return new StdoutSink(id, label, environment.stdout);
    case 'webhook':
      return new WebhookSink(id, label, { ...config, secrets: webhookSecrets(config), userAgent: environment.userAgent }, environment.log);
  }
}

/** `secrets` (rotation), else `secret`, else none. */
export function webhookSecrets(config: Extract<SinkConfig, { type: 'webhook' }>): string[] {
  return config.secrets ?? (config.secret === undefined ? [] : [config.secret]);
}
