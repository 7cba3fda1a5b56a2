/** What one source's crawl pass works with: its config, the run's shared writer and politeness state, its counters. */
import type { Archive } from '../archive/archive.js';
import type { Config, SourceConfig } from '../config/schema.js';
import type { AccessFailure } from '../fetch/access-errors.js';
import type { FailureTally } from '../fetch/failure-tally.js';
import type { HostGate } from '../fetch/host-gate.js';
import type { RunFetcher } from '../fetch/run-fetcher.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { Logger } from '../log.js';
import type { SourceProgress } from '../progress/progress.js';
import type { SourceCounts } from '../store/runs.js';
import type { WriteQueue } from '../store/write-queue.js';
import type { PageWorkers } from './page-workers/pool.js';
import type { AttachmentStage, SourceAttachmentAccess } from './attachment-stage.js';
import type { StartUrlReadings } from './start-urls.js';

export interface SourceCrawl {
  source: SourceConfig;
  config: Config;
  archive: Archive;
  writes: WriteQueue;
  log: Logger;
  counts: SourceCounts;
  /** Which start URLs could be read, and why the others could not: decides whether the source failed. */
  starts: StartUrlReadings;
  runId: number;
  /** Shared by the run's sources: robots.txt per origin, request slots per host. */
  robots: RobotsCache;
  gate: HostGate;
  /** The run's one HTTP crawler; each HTTP source is a lane of it. */
  fetcher: RunFetcher;
  /** The run's page workers: every fetched page is processed through them. */
  pages: PageWorkers;
  progress?: SourceProgress;
  /** Graceful stop: no new requests; the pages in hand finish and are stored. */
  signal?: AbortSignal;
  /** The source's access failures by class (certificate, proxy …), for the run summary. */
  failures?: FailureTally;
  /** Why a start URL's robots.txt could not be read (a certificate, a proxy …), when that is why. */
  robotsFailure?: (url: string) => AccessFailure | undefined;
  /** The run's start, which revisits are judged against, and whether every known document is revisited (`--revisit-all`). */
  revisit: { now: Date; all: boolean };
  /** The run's attachment stage and how this source reaches its attachments; absent when attachments are not fetched. */
  attachments?: { stage: AttachmentStage; access: SourceAttachmentAccess };
}
