import { revisitOf, type Config, type SourceConfig } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import { compileAlertRules } from '../events/alerts.js';
import { insertHealthEvent, outboxRecorder } from '../events/outbox.js';
import { FailureTally, type AccessFailureCount } from '../fetch/failure-tally.js';
import { HostGate } from '../fetch/host-gate.js';
import { RunFetcher } from '../fetch/run-fetcher.js';
import { logAccessChoices, RunAccess, siteAccessOf } from '../fetch/run-access.js';
import type { Logger } from '../log.js';
import type { CrawlProgress } from '../progress/progress.js';
import { Archive } from '../archive/archive.js';
import type { Db } from '../store/database.js';
import { emptyCounts, finishRun, recordSourceOutcome, startRun, type SourceCounts } from '../store/runs.js';
import { documentCount, readSourceHealth, writeSourceHealth } from '../store/source-health.js';
import { WriteQueue } from '../store/write-queue.js';
import { SearchIndexer } from '../store/search-indexer/indexer.js';
import type { AttachmentReader } from '../attachments/index.js';
import { AttachmentStage } from './attachment-stage.js';
import { crawlSource } from './crawl-source.js';
import { decideHealth } from './source-health.js';
import { decideOutcome, type SourceOutcome } from './source-outcome.js';
import { StartUrlReadings } from './start-urls.js';
import { PageWorkers } from './page-workers/pool.js';

export interface CrawlSummary {
  runId: number;
  /** `failed` also when a source failed or a page could not be stored (the run's exit code is 1). */
  status: 'ok' | 'failed' | 'interrupted';
  sources: Record<string, SourceCounts>;
  /** Per source: ok, degraded or failed, and why. */
  outcomes: Record<string, SourceOutcome>;
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
  /**
   * The run lock this run holds: checked inside every write transaction, so once another process
   * took it over nothing more is written (the run fails). @default none (tests, the demo)
   */
  lock?: { assertHeld(): void };
  /** The run's start: which known documents are due, and when each check's next one falls (tests set the day). @default now */
  now?: Date;
  /** Revisit every known document, outside the schedule and its budget (`crawl --revisit-all`). @default false */
  revisitAll?: boolean;
}

/** What one run shares between its sources: one archive, one writer, one fetcher, one per-host gate. */
interface RunServices {
  runId: number;
  archive: Archive;
  writes: WriteQueue;
  /** Indexes the run's new texts for search on another thread; done before the run returns. */
  searchIndex: SearchIndexer;
  gate: HostGate;
  fetcher: RunFetcher;
  access: RunAccess;
  attachmentStage: AttachmentStage | undefined;
  pages: PageWorkers;
  matchAlerts: ReturnType<typeof compileAlertRules>;
}

/** What the run learns per source: its counts, its start URLs' answers, its access failures. */
interface RunTallies {
  counts: Record<string, SourceCounts>;
  starts: Map<string, StartUrlReadings>;
  failures: Map<string, FailureTally>;
}

/**
 * One crawl pass over the given sources, in parallel so a slow host never stalls the others.
 * All writes go through one WriteQueue on one connection: a single writer.
 */
export async function runCrawl(db: Db, config: Config, sources: SourceConfig[], log: Logger, options: RunCrawlOptions = {}): Promise<CrawlSummary> {
  const now = options.now ?? new Date();
  const run = openRun(db, config, sources, log, options, now);
  logAccessChoices(log, config, sources);
  const tallies: RunTallies = {
    counts: Object.fromEntries(sources.map((source) => [source.id, emptyCounts()])),
    starts: new Map(sources.map((source) => [source.id, new StartUrlReadings()])),
    failures: new Map(sources.map((source) => [source.id, new FailureTally()])),
  };
  let status: CrawlSummary['status'] = 'ok';
  let outcomes: Record<string, SourceOutcome> = {};
  try {
    for (const source of sources) run.archive.upsertSource(source);
    await Promise.all(sources.map((source) => crawlOneSource(run, tallies, source, config, log, options, now)));
    await run.fetcher.close();
    run.writes.flush();
    await run.searchIndex.finish();
    const interrupted = options.signal?.aborted === true;
    outcomes = recordOutcomes(db, run, tallies, sources, config, log, interrupted);
    const { counts } = tallies;
    if (interrupted) status = 'interrupted';
    else if (Object.values(outcomes).some((o) => o.outcome === 'failed') || Object.values(counts).some((c) => c.unstored > 0)) status = 'failed';
  } catch (error) {
    status = 'failed';
    await run.fetcher.abort();
    throw error;
  } finally {
    finishRun(db, run.runId, status, tallies.counts);
    await run.searchIndex.abort(); // after finish() a no-op; after a failure the due rows wait for the next crawl
    await run.fetcher.close();
    await run.attachmentStage?.close();
    await run.pages.close();
    await run.access.close();
  }
  for (const [sourceId, sourceCounts] of Object.entries(tallies.counts))
    log.info({ source: sourceId, ...sourceCounts, ...outcomes[sourceId] }, 'source crawled');
  const accessFailures = Object.fromEntries(
    [...tallies.failures].flatMap(([sourceId, tally]) => (tally.counts().length > 0 ? [[sourceId, tally.counts()]] : [])),
  );
  return { runId: run.runId, status, sources: tallies.counts, outcomes, accessFailures };
}

/** Starts the run's record and opens what its sources share. */
function openRun(db: Db, config: Config, sources: SourceConfig[], log: Logger, options: RunCrawlOptions, now: Date): RunServices {
  const runId = startRun(
    db,
    sources.map((source) => source.id),
  );
  const matchAlerts = compileAlertRules(config.alerts);
  const maxDays = new Map(sources.map((source) => [source.id, revisitOf(config, source).maxDays]));
  const revisitClock = { at: now, maxDays: (sourceId: string) => maxDays.get(sourceId) ?? config.revisit.maxDays };
  const gate = new HostGate();
  const searchIndex = new SearchIndexer(db, { onUnavailable: (reason) => log.warn({}, reason) });
  return {
    runId,
    matchAlerts,
    archive: new Archive(db, { runId, events: outboxRecorder(db), matchAlerts, revisit: revisitClock }),
    writes: new WriteQueue(db, { guard: options.lock ? () => options.lock?.assertHeld() : undefined, afterCommit: () => searchIndex.afterCommit() }),
    searchIndex,
    gate,
    fetcher: new RunFetcher({
      userAgent: config.userAgent,
      timeoutSecs: config.fetch.timeoutSecs,
      maxBodyBytes: config.fetch.maxBodyBytes,
      maxRetries: config.fetch.maxRetries,
      retryBackoffMs: config.fetch.retryBackoffMs,
      gate,
    }),
    access: new RunAccess({ userAgent: config.userAgent, timeoutMs: config.fetch.timeoutSecs * 1000, gate }),
    pages: new PageWorkers({
      threads: config.pages.workers,
      inProcessPages: config.pages.inProcessPages,
      maxHeapMb: config.pages.maxHeapMb,
      timeoutMs: config.pages.timeoutSecs * 1000,
      onUnavailable: (reason) => log.warn({}, reason),
    }),
    attachmentStage: config.attachments.fetch
      ? new AttachmentStage({ db, config, log, gate, reader: options.attachmentReader, signal: options.signal })
      : undefined,
  };
}

function crawlOneSource(
  run: RunServices,
  tallies: RunTallies,
  source: SourceConfig,
  config: Config,
  log: Logger,
  options: RunCrawlOptions,
  now: Date,
): Promise<void> {
  const sourceAccess = siteAccessOf(config, source);
  const robots = run.access.robotsFor(sourceAccess);
  const attachments = run.attachmentStage && {
    stage: run.attachmentStage,
    access: { source, robots, fetch: run.access.siteFetchFor(sourceAccess).fetch },
  };
  return crawlSource({
    source,
    config,
    archive: run.archive,
    writes: run.writes,
    log,
    counts: tallies.counts[source.id]!,
    starts: tallies.starts.get(source.id)!,
    runId: run.runId,
    robots,
    gate: run.gate,
    fetcher: run.fetcher,
    pages: run.pages,
    attachments,
    revisit: { now, all: options.revisitAll === true },
    progress: options.progress?.source(source.id),
    signal: options.signal,
    failures: tallies.failures.get(source.id),
    robotsFailure: (url) => run.access.robotsFailure(sourceAccess, url),
  }).finally(() => options.progress?.finishSource(source.id));
}

/** Each source's outcome, and (unless interrupted) its health streaks and events, written in one batch. */
function recordOutcomes(
  db: Db,
  run: RunServices,
  tallies: RunTallies,
  sources: SourceConfig[],
  config: Config,
  log: Logger,
  interrupted: boolean,
): Record<string, SourceOutcome> {
  const outcomes: Record<string, SourceOutcome> = {};
  for (const source of sources) {
    const counts = tallies.counts[source.id]!;
    const outcome = decideOutcome(tallies.starts.get(source.id)!, counts, tallies.failures.get(source.id)!.counts());
    outcomes[source.id] = outcome;
    // Not stored (the database stayed busy): counted like a page that was not, so the run fails.
    const lost = (error: unknown) => {
      counts.errors++;
      counts.unstored++;
      log.error({ source: source.id, err: errorMessage(error) }, "the source's outcome or health could not be recorded");
    };
    run.writes.push(() => recordSourceOutcome(db, run.runId, source.id, outcome.outcome, outcome.reason), lost);
    if (!interrupted) run.writes.push(() => recordHealth(db, config, source.id, counts, outcome, run.matchAlerts), lost);
  }
  run.writes.flush();
  return outcomes;
}

/** The source's streaks moved on by this run, and the health events that raises (inside the run's write batch). */
function recordHealth(
  db: Db,
  config: Config,
  sourceId: string,
  counts: SourceCounts,
  outcome: SourceOutcome,
  matchAlerts: ReturnType<typeof compileAlertRules>,
): void {
  const at = new Date().toISOString();
  const decision = decideHealth({
    sourceId,
    outcome,
    counts,
    at,
    documents: documentCount(db, sourceId),
    before: readSourceHealth(db, sourceId),
    silentAfterRuns: config.health.silentAfterRuns,
  });
  writeSourceHealth(db, sourceId, decision.after, at);
  for (const draft of decision.events) insertHealthEvent(db, draft, matchAlerts(draft));
}
