import type { Config, SourceConfig } from '../config/schema.js';
import { compileAlertRules } from '../events/alerts.js';
import { outboxRecorder } from '../events/outbox.js';
import { HostGate } from '../fetch/host-gate.js';
import { RobotsCache } from '../fetch/robots.js';
import type { Logger } from '../log.js';
import type { CrawlProgress } from '../progress/progress.js';
import { Archive } from '../archive/archive.js';
import type { Db } from '../store/database.js';
import { emptyCounts, finishRun, startRun, type SourceCounts } from '../store/runs.js';
import { WriteQueue } from '../store/write-queue.js';
import { crawlSource } from './crawl-source.js';

export interface CrawlSummary {
  runId: number;
  status: 'ok' | 'failed' | 'interrupted';
  sources: Record<string, SourceCounts>;
}

export interface RunCrawlOptions {
  /** Progress log per source (see src/progress). @default none */
  progress?: CrawlProgress;
  /** Graceful stop: no new pages; the pages in hand finish, are stored, and the run ends 'interrupted'. @default never */
  signal?: AbortSignal;
}

/**
 * One crawl pass over the given sources, in parallel so a slow host never stalls the others.
 * All writes go through one WriteQueue on one connection: a single writer.
 */
export async function runCrawl(db: Db, config: Config, sources: SourceConfig[], log: Logger, options: RunCrawlOptions = {}): Promise<CrawlSummary> {
  const runId = startRun(db, sources.map((source) => source.id));
  const archive = new Archive(db, { runId, events: outboxRecorder(db), matchAlerts: compileAlertRules(config.alerts) });
  const writes = new WriteQueue(db, {
    onWriteError: (error) => log.error({ err: error }, 'a page could not be stored'),
  });
  const gate = new HostGate();
  const robots = new RobotsCache({ userAgent: config.userAgent, timeoutMs: config.fetch.timeoutSecs * 1000, gate });
  const counts: Record<string, SourceCounts> = {};
  for (const source of sources) {
    archive.upsertSource(source);
    counts[source.id] = emptyCounts();
  }
  let status: CrawlSummary['status'] = 'ok';
  try {
    await Promise.all(sources.map((source) =>
      crawlSource({ source, config, archive, writes, log, counts: counts[source.id]!, runId, robots, gate,
        progress: options.progress?.source(source.id), signal: options.signal })
        .finally(() => options.progress?.finishSource(source.id))));
    writes.flush();
    if (options.signal?.aborted) status = 'interrupted';
  } catch (error) {
    status = 'failed';
    throw error;
  } finally {
    finishRun(db, runId, status, counts);
  }
  for (const [sourceId, sourceCounts] of Object.entries(counts)) log.info({ source: sourceId, ...sourceCounts }, 'source crawled');
  return { runId, status, sources: counts };
}
