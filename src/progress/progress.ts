/**
 * Progress of a crawl, per source: pages done, pages queued, pages per second. Logged (pino, stderr)
 * every `intervalMs` for each source still running; on a terminal also drawn as one live line,
 * redrawn every second. The crawl reports to it through SourceProgress; it never touches the crawl.
 */
import type { Logger } from '../log.js';
import { LiveLine } from './live-line.js';

export interface ProgressOptions {
  log: Logger;
  /** Between two progress log lines of a source. */
  intervalMs: number;
  /** Draw the live line. @default when `stream` is a TTY */
  live?: boolean;
  /** Where the live line is drawn. @default process.stderr */
  stream?: NodeJS.WriteStream;
}

export interface SourceProgressSnapshot {
  source: string;
  pagesDone: number;
  queued: number;
  pagesPerSecond: number;
  elapsedSecs: number;
}

const LIVE_REDRAW_MS = 1000;

export class SourceProgress {
  private readonly seen = new Set<string>();
  private done = 0;
  private readonly startedAt = Date.now();
  private finishedAt: number | undefined;

  constructor(readonly source: string) {}

  /** URLs handed to the fetcher; each distinct URL counts once (the fetcher de-duplicates the same way). */
  queued(urls: Iterable<string>): void {
    for (const url of urls) this.seen.add(url);
  }

  pageDone(): void {
    this.done++;
  }

  finish(): void {
    this.finishedAt ??= Date.now();
  }

  get finished(): boolean {
    return this.finishedAt !== undefined;
  }

  snapshot(now = Date.now()): SourceProgressSnapshot {
    const elapsedMs = Math.max(1, (this.finishedAt ?? now) - this.startedAt);
    return {
      source: this.source,
      pagesDone: this.done,
      queued: Math.max(0, this.seen.size - this.done),
      pagesPerSecond: round(this.done / (elapsedMs / 1000)),
      elapsedSecs: round(elapsedMs / 1000),
    };
  }
}

export class CrawlProgress {
  private readonly sources = new Map<string, SourceProgress>();
  private readonly logTimer: NodeJS.Timeout;
  private readonly live: LiveLine | undefined;

  constructor(private readonly options: ProgressOptions) {
    this.logTimer = setInterval(() => this.logRunning(), options.intervalMs);
    this.logTimer.unref();
    const stream = options.stream ?? process.stderr;
    if (options.live ?? stream.isTTY) this.live = new LiveLine(stream, LIVE_REDRAW_MS, () => this.liveText());
  }

  /** The tracker of one source's pass (a new one each pass). */
  source(sourceId: string): SourceProgress {
    const progress = new SourceProgress(sourceId);
    this.sources.set(sourceId, progress);
    return progress;
  }

  /** Marks a source's pass finished and logs its totals. */
  finishSource(sourceId: string): SourceProgressSnapshot | undefined {
    const progress = this.sources.get(sourceId);
    if (!progress) return undefined;
    progress.finish();
    const snapshot = progress.snapshot();
    this.options.log.info(snapshot, 'source pass finished');
    return snapshot;
  }

  stop(): void {
    clearInterval(this.logTimer);
    this.live?.stop();
  }

  private running(): SourceProgress[] {
    return [...this.sources.values()].filter((progress) => !progress.finished);
  }

  private logRunning(): void {
    this.live?.clear();
    for (const progress of this.running()) this.options.log.info(progress.snapshot(), 'crawl progress');
  }

  private liveText(): string {
    return this.running()
      .map((progress) => {
        const s = progress.snapshot();
        return `${s.source}: ${s.pagesDone} done, ${s.queued} queued, ${s.pagesPerSecond} pages/s`;
      })
      .join(' | ');
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
