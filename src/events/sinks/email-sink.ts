/**
 * Mail over SMTP (nodemailer): one message per event to every recipient in `to`, with a plain-text
 * and an HTML part from the templates. `security: starttls` (default, port 587) requires the
 * STARTTLS upgrade and fails rather than send in clear; `tls` speaks TLS from the first byte
 * (port 465); `none` is for a relay on the same host. Certificates are verified; `caFile` adds a
 * private CA. The Message-ID is derived from the event id, so a repeated delivery (at-least-once)
 * is the same message to mail clients that de-duplicate.
 */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { PermanentError, RetryableError, errorMessage } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { ChangeEvent } from '../event.js';
import type { EventDetailsReader } from './event-details.js';
import { withRetries } from './retry.js';
import type { Sink } from './sink.js';
import { defaultTemplates, messageView, renderTemplate } from './templates.js';

export interface EmailOptions {
  host: string;
  port?: number | undefined;
  security: 'starttls' | 'tls' | 'none';
  caFile?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
  to: string[];
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  template: { subject?: string | undefined; text?: string | undefined; html?: string | undefined };
}

type Transporter = ReturnType<typeof nodemailer.createTransport>;
type Mail = Parameters<Transporter['sendMail']>[0];

/** Network-level failures worth another try (nodemailer error codes). */
const RETRYABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

export function defaultSmtpPort(security: EmailOptions['security']): number {
  return security === 'tls' ? 465 : 587;
}

export class EmailSink implements Sink {
  readonly concurrency = 1;
  readonly batchSize = 1;
  private transporter: Transporter | undefined;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly options: EmailOptions,
    private readonly environment: { log: Logger; details: EventDetailsReader },
  ) {}

  async send(event: ChangeEvent, signal: AbortSignal): Promise<void> {
    const mail = this.compose(event);
    await withRetries(() => this.sendOnce(mail, signal), this.options, {
      log: this.environment.log,
      logFields: { sink: this.label, eventId: event.id },
      signal,
    });
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closeTransport();
  }

  private closeTransport(): void {
    this.transporter?.close();
    this.transporter = undefined;
  }

  private compose(event: ChangeEvent): Mail {
    const details = this.environment.details(event);
    const template = this.options.template;
    const html = renderTemplate(template.html ?? defaultTemplates(event).email.html, messageView(event, details, 'html'), 'html');
    const textView = messageView(event, details, 'text');
    return {
      from: this.options.from,
      to: this.options.to,
      subject: renderTemplate(template.subject ?? defaultTemplates(event).email.subject, textView, 'text'),
      text: renderTemplate(template.text ?? defaultTemplates(event).email.text, textView, 'text'),
      ...(html.trim() ? { html } : {}),
      messageId: `<${event.id}@bureau-watch.invalid>`,
      headers: { 'X-Bureau-Watch-Event': event.id },
    };
  }

  private async sendOnce(mail: Mail, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new PermanentError('delivery stopped');
    const transporter = this.transport();
    // nodemailer takes no AbortSignal: closing the pool ends the SMTP session in hand.
    const stop = () => this.closeTransport();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await transporter.sendMail(mail);
    } catch (error) {
      if (signal.aborted) throw new PermanentError('delivery stopped');
      throw classify(error, this.label);
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  private transport(): Transporter {
    if (this.transporter) return this.transporter;
    const { host, security, user, password, timeoutMs } = this.options;
    this.transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      host,
      port: this.options.port ?? defaultSmtpPort(security),
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      tls: { ...(this.options.caFile ? { ca: readCa(this.options.caFile) } : {}), minVersion: 'TLSv1.2' },
      ...(user ? { auth: { user, pass: password ?? '' } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    return this.transporter;
  }
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new PermanentError(`email sink: cannot read caFile "${path}": ${errorMessage(error)}`);
  }
}

/** SMTP 4xx replies and network failures are temporary; 5xx replies, TLS and auth failures are not. */
function classify(error: unknown, label: string): Error {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  const message = `${label}: ${errorMessage(error)}`;
  const retryable = typeof responseCode === 'number' ? responseCode >= 400 && responseCode < 500 : RETRYABLE_CODES.has(code ?? '');
  return retryable ? new RetryableError(message) : new PermanentError(message);
}
