/**
 * Crawlee's HttpCrawler as the run uses it: the raw bytes of each answer (Crawlee decodes by the
 * Content-Type header only; the decode stage does better), read with a size bound, the host slot
 * given back as soon as the body is in, and certificate checks decided per request (sources differ
 * in `tls.insecure`, Crawlee only has a crawler-wide switch).
 */
import type { IncomingMessage } from 'node:http';
import { NonRetryableError, type Request, type Session } from '@crawlee/core';
import { HttpCrawler, type HttpCrawlingContext } from '@crawlee/http';
import { PermanentError } from '../errors.js';
import { readBoundedBody } from './bounded-body.js';
import './crawlee-quiet.js';

type GotOptions = Parameters<HttpCrawler<HttpCrawlingContext>['_getRequestOptions']>[3];

export interface RawBodyHooks {
  maxBodyBytes: number;
  /** The body of the request is in, or it failed: its host slot may go to the next request (idempotent). */
  releaseSlot(request: object): void;
  /** Whether to skip certificate checks for this request (its source's `tls.insecure`). */
  insecure(request: object): boolean;
}

export class RawBodyHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  hooks: RawBodyHooks = { maxBodyBytes: Number.POSITIVE_INFINITY, releaseSlot: () => undefined, insecure: () => false };

  /** A JSON answer (a listApi page) is read with the same bound as a page; Crawlee would read it whole. */
  protected override async _parseResponse(request: Request, response: IncomingMessage, context: HttpCrawlingContext) {
    const type = String(response.headers['content-type'] ?? '');
    if (!/\bjson\b/i.test(type) || (response.statusCode ?? 0) >= 500) return super._parseResponse(request, response, context);
    const parsed = await this._parseHTML(response, false, context);
    return { ...parsed, isXml: false, response, contentType: { type: 'application/json', encoding: 'utf8' as BufferEncoding } };
  }

  protected override async _parseHTML(response: IncomingMessage, _isXml: boolean, context: HttpCrawlingContext): Promise<Partial<HttpCrawlingContext>> {
    try {
      return { body: await readBoundedBody(response, this.hooks.maxBodyBytes, response.url ?? '') };
    } catch (error) {
      // Retrying an oversized page would only download it again.
      throw error instanceof PermanentError ? new NonRetryableError(error.message) : error;
    } finally {
      this.hooks.releaseSlot(context.request);
    }
  }

  /** A failed request gives its slot back before its retry backoff. */
  protected override async _runRequestHandler(context: HttpCrawlingContext): Promise<void> {
    try {
      await super._runRequestHandler(context);
    } finally {
      this.hooks.releaseSlot(context.request);
    }
  }

  protected override _getRequestOptions(request: Request, session?: Session, proxyUrl?: string, gotOptions?: GotOptions) {
    const options = super._getRequestOptions(request, session, proxyUrl, gotOptions);
    options.https = { ...options.https, rejectUnauthorized: !this.hooks.insecure(request) };
    return options;
  }
}
