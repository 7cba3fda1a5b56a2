/**
 * The run's attachment stage: every attachment link of every document page is checked here, at most
 * `attachments.concurrency` at once across the run, one worker thread per file being read. The page
 * pipeline hands a document over and goes on with the next page; the document is stored once its
 * links are checked. Only when far behind (a backlog of BACKLOG_LINKS links) does a page wait.
 */
import PQueue from 'p-queue';
import { createAttachmentReader, type AttachmentReader } from '../attachments/index.js';
import type { AttachmentOutcome } from '../archive/snapshot.js';
import type { Config, SourceConfig } from '../config/schema.js';
import type { Attachment } from '../extract/types.js';
import type { HostGate } from '../fetch/host-gate.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { FetchFunction } from '../fetch/site-fetch.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { errorMessage } from '../errors.js';
import { brokenCheck, checkAttachment } from './check-attachment.js';

/** Links waiting beyond this make the next document page wait for room (bounded memory). */
const BACKLOG_LINKS = 64;

export interface AttachmentStageOptions {
  db: Db;
  config: Config;
  log: Logger;
  gate: HostGate;
  /** A reader to use (and leave open); by default the stage opens its own and closes it. */
  reader?: AttachmentReader;
  signal?: AbortSignal;
}

/** How one source reaches its attachments. */
export interface SourceAttachmentAccess {
  source: SourceConfig;
  robots: RobotsCache;
  fetch: FetchFunction;
}

export class AttachmentStage {
  private readonly queue: PQueue;
  private readonly reader: AttachmentReader;
  private readonly ownsReader: boolean;
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();
  /** Per source, the checked links by status, and the files read (new to the archive). */
  private readonly tallies = new Map<string, Record<string, number>>();
  /** The first failure of tracked work (a FatalError from the write queue), rethrown by settled(). */
  private failure: Error | undefined;

  constructor(private readonly options: AttachmentStageOptions) {
    const { attachments } = options.config;
    this.queue = new PQueue({ concurrency: attachments.concurrency });
    this.ownsReader = !options.reader;
    this.reader = options.reader ?? createAttachmentReader({ keepIdleWorkers: attachments.concurrency });
  }

  /** Resolves once there is room for one more document's links (immediately, unless far behind). */
  async room(): Promise<void> {
    if (this.queue.size >= BACKLOG_LINKS) await this.queue.onSizeLessThan(BACKLOG_LINKS);
  }

  /** Checks every link of one document page, in page order; never rejects. */
  check(access: SourceAttachmentAccess, pageUrl: string, links: Attachment[]): Promise<AttachmentOutcome[]> {
    const pageHost = new URL(pageUrl).hostname;
    const inScope = hostScope(pageHost, access.source.attachmentHosts);
    return Promise.all(
      links.map((link) =>
        this.queue.add(async () => {
          let outcome: AttachmentOutcome;
          try {
            outcome = await this.checkOne(access, pageUrl, link, inScope);
          } catch (error) {
            this.options.log.error({ source: access.source.id, document: pageUrl, url: link.url }, `attachment check failed: ${errorMessage(error)}`);
            outcome = brokenCheck(link);
          }
          this.count(access.source.id, outcome);
          return outcome;
        }),
      ),
    );
  }

  /**
   * Resolves when every check of the source, and the work chained on it (storing the document),
   * has finished; rethrows the first failure of such work (the database could not be written).
   */
  async settled(sourceId: string): Promise<void> {
    for (;;) {
      const pending = [...(this.inFlight.get(sourceId) ?? [])];
      if (pending.length === 0) break;
      await Promise.allSettled(pending);
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Registers work (a document's checks, then storing it) so settled() waits for it; its failure goes there too. */
  track(sourceId: string, work: Promise<unknown>): void {
    const set = this.inFlight.get(sourceId) ?? new Set();
    this.inFlight.set(sourceId, set);
    set.add(work);
    work.then(
      () => set.delete(work),
      (error: unknown) => {
        set.delete(work);
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  /** The source's checked links by status (`ok`, `failed`, `not-found` …) and `read`: files read, new to the archive. */
  tally(sourceId: string): Record<string, number> {
    return { ...this.tallies.get(sourceId) };
  }

  private count(sourceId: string, outcome: AttachmentOutcome): void {
    const tally = this.tallies.get(sourceId) ?? {};
    this.tallies.set(sourceId, tally);
    const status = outcome.entry.status ?? 'unchecked';
    tally[status] = (tally[status] ?? 0) + 1;
    if (outcome.newFile) tally.read = (tally.read ?? 0) + 1;
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    if (this.ownsReader) await this.reader.close();
  }

  private async checkOne(access: SourceAttachmentAccess, pageUrl: string, link: Attachment, inScope: (url: URL) => boolean): Promise<AttachmentOutcome> {
    const { config, db, log, gate, signal } = this.options;
    const { source } = access;
    const rules = await access.robots.forUrl(link.url).catch(() => undefined);
    const delayMs = (rules?.crawlDelaySecs() ?? 0) * 1000;
    return checkAttachment(link, {
      db,
      reader: this.reader,
      log,
      context: { source: source.id, document: pageUrl },
      readOptions: {
        timeoutMs: config.attachments.readTimeoutSecs * 1000,
        maxHeapMb: config.attachments.maxHeapMb,
        maxDecompressedBytes: config.attachments.maxInflatedBytes,
        ocr: config.attachments.ocr,
      },
      fetch: {
        userAgent: config.userAgent,
        timeoutMs: config.fetch.timeoutSecs * 1000,
        maxBytes: config.fetch.maxAttachmentBytes,
        maxRetries: config.fetch.maxRetries,
        retryBackoffMs: config.fetch.retryBackoffMs,
        fetch: access.fetch,
        robots: access.robots,
        gate,
        inScope,
        signal,
        minIntervalMs: Math.max(60_000 / source.maxRequestsPerMinute, delayMs),
      },
    });
  }
}

/** The page's own host, and the source's attachmentHosts (`*.domain`: every host under it). */
export function hostScope(pageHost: string, attachmentHosts: readonly string[]): (url: URL) => boolean {
  const exact = new Set([pageHost.toLowerCase(), ...attachmentHosts.filter((host) => !host.startsWith('*.')).map((host) => host.toLowerCase())]);
  const domains = attachmentHosts.filter((host) => host.startsWith('*.')).map((host) => host.slice(1).toLowerCase());
  return (url) => {
    const host = url.hostname.toLowerCase();
    return exact.has(host) || domains.some((domain) => host.endsWith(domain));
  };
}
