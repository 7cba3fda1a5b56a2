import type { Config, SourceConfig } from '../config/schema.js';
import { compileAlertRules } from '../events/alerts.js';
import { outboxRecorder } from '../events/outbox.js';
import { FailureTally, type AccessFailureCount } from '../fetch/failure-tally.js';
import { HostGate } from '../fetch/host-gate.js';
import { logAccessChoices, RunAccess, siteAccessOf } from '../fetch/run-access.js';
import type { Logger } from '../log.js';
import type { CrawlProgress } from '../progress/progress.js';
import { Archive } from '../archive/archive.js';
import type { Db } from '../store/database.js';
import { emptyCounts, finishRun, startRun, type SourceCounts } from '../store/runs.js';
import { WriteQueue } from '../store/write-queue.js';
import type { AttachmentReader } from '../attachments/index.js';
import { AttachmentStage } from './attachment-stage.js';
import { crawlSource } from './crawl-source.js';

export interface CrawlSummary {
  runId: number;
  status: 'ok' | 'failed' | 'interrupted';
  sources: Record<string, SourceCounts>;
  /** Per source, its access failures by class (certificate, proxy-refused …), with the fix named. */
  accessFailures: Record<string, AccessFailureCount[]>;
}

export interface RunCrawlOptions {
  /** Progress log per source (see src/progress). @default none */
  progress?: CrawlProgress;
  /** Graceful stop: no new pages; the pages in hand finish, are stored, and the run ends 'interrupted'. @default never */
  signal?: AbortSignal;
  /** Reads attachments (kept open: a caller crawling again keeps its workers warm). @default the run opens and closes its own */
  attachmentReader?: AttachmentReader;
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
  const access = new RunAccess({ userAgent: config.userAgent, timeoutMs: config.fetch.timeoutSecs * 1000, gate });
  const attachmentStage = config.attachments.fetch
    ? new AttachmentStage({ db, config, log, gate, reader: options.attachmentReader, signal: options.signal })
    : undefined;
  logAccessChoices(log, config, sources);
  const counts: Record<string, SourceCounts> = {};
  const failures = new Map(sources.map((source) => [source.id, new FailureTally()]));
  for (const source of sources) {
    archive.upsertSource(source);
    counts[source.id] = emptyCounts();
  }
  let status: CrawlSummary['status'] = 'ok';
  try {
    await Promise.all(sources.map((source) => {
      const sourceAccess = siteAccessOf(config, source);
      const robots = access.robotsFor(sourceAccess);
      const attachments = attachmentStage && { stage: attachmentStage, access: { source, robots, fetch: access.siteFetchFor(sourceAccess).fetch } };
      return crawlSource({ source, config, archive, writes, log, counts: counts[source.id]!, runId, robots, gate, attachments,
        progress: options.progress?.source(source.id), signal: options.signal,
        failures: failures.get(source.id), robotsFailure: (url) => access.robotsFailure(sourceAccess, url) })
        .finally(() => options.progress?.finishSource(source.id));
    }));
    writes.flush();
    if (options.signal?.aborted) status = 'interrupted';
  } catch (error) {
    status = 'failed';
    throw error;
  } finally {
    finishRun(db, runId, status, counts);
    await attachmentStage?.close();
    await access.close();
  }
  for (const [sourceId, sourceCounts] of Object.entries(counts)) log.info({ source: sourceId, ...sourceCounts }, 'source crawled');
  const accessFailures = Object.fromEntries([...failures].flatMap(([sourceId, tally]) => (tally.counts().length > 0 ? [[sourceId, tally.counts()]] : [])));
  return { runId, status, sources: counts, accessFailures };
}
