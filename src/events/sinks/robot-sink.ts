/**
 * What the three chat-robot sinks share: one message per event, in outbox order (concurrency 1,
 * the cursor moving after each message so a crash repeats at most one), spaced `minIntervalMs`
 * apart, retried like the webhook, and the robot's own error reply treated as a failure. A
 * platform sink supplies the message, the signed request and the reading of the reply.
 */
import { PermanentError, RetryableError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { ChangeEvent } from '../event.js';
import type { EventDetails, EventDetailsReader } from './event-details.js';
import { describeReply, postRobot, type RobotRequest } from './robot-http.js';
import { Pacer, withRetries } from './retry.js';
import type { Sink } from './sink.js';

export interface RobotSinkOptions {
  url: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  minIntervalMs: number;
  userAgent: string;
  template: { title?: string | undefined; text?: string | undefined };
}

export interface RobotEnvironment {
  log: Logger;
  details: EventDetailsReader;
}

/** Why the robot refused a message, and whether trying again soon may help (rate limits, busy). */
export interface RobotRefusal {
  message: string;
  retryable: boolean;
}

export abstract class RobotSink<Message> implements Sink {
  readonly concurrency = 1;
  readonly batchSize = 1;
  private readonly pacer: Pacer;

  constructor(
    readonly id: string,
    readonly label: string,
    protected readonly options: RobotSinkOptions,
    private readonly environment: RobotEnvironment,
  ) {
    this.pacer = new Pacer(options.minIntervalMs);
  }

  async send(event: ChangeEvent, signal: AbortSignal): Promise<void> {
    const message = this.compose(event, this.environment.details(event));
    const post = { timeoutMs: this.options.timeoutMs, userAgent: this.options.userAgent, label: this.label, signal };
    await withRetries(
      async () => {
        // Signed per try: the platforms reject a signature more than an hour old.
        const reply = await this.pacer.run(() => postRobot(this.request(message, Date.now()), post), signal);
        const refusal = this.readReply(reply);
        if (refusal) {
          const text = `${this.label} refused the message: ${refusal.message}`;
          throw refusal.retryable ? new RetryableError(text) : new PermanentError(text);
        }
      },
      this.options,
      { log: this.environment.log, logFields: { sink: this.label, eventId: event.id }, signal },
    );
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}

  /** The platform's message for the event (without signature). */
  protected abstract compose(event: ChangeEvent, details: EventDetails): Message;

  /** URL and body of one try, signed for the time `nowMs` when the platform signs. */
  protected abstract request(message: Message, nowMs: number): RobotRequest;

  /** Null when the reply says the message was accepted. */
  protected abstract readReply(reply: unknown): RobotRefusal | null;
}

/**
 * Reads an `{errcode, errmsg}` style reply (DingTalk, WeCom; Feishu uses `{code, msg}`): 0 is
 * success, codes in `retryable` are worth another try, anything else (bad token, bad signature,
 * keyword missing, malformed message) will not get better by itself.
 */
export function readCodeReply(reply: unknown, codeKey: string, messageKey: string, retryable: ReadonlySet<number>): RobotRefusal | null {
  const record = (typeof reply === 'object' && reply !== null ? reply : {}) as Record<string, unknown>;
  const code = record[codeKey];
  if (code === 0) return null;
  if (typeof code !== 'number') {
    return { message: `expected a JSON reply with a numeric "${codeKey}", got ${describeReply(JSON.stringify(reply) ?? '')}`, retryable: false };
  }
  return { message: `${codeKey} ${code}: ${describeReply(replyText(record[messageKey]))}`, retryable: retryable.has(code) };
}

/** The robot's words as sent: a string as it is, anything else (a site's JSON) as JSON, nothing as ''. */
function replyText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character (platform size limits). */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text);
  if (bytes.length <= maxBytes) return text;
  // A character cut in two decodes as one U+FFFD at the end: drop it.
  return `${new TextDecoder().decode(bytes.subarray(0, maxBytes - 3)).replace(/\uFFFD$/, '')}…`;
}
