/**
 * Extraction health: after a site redesign the extractor often still finds pages but no longer their
 * metadata table or main text. Such a drop shows as the versions one run wrote having much lower
 * coverage of an item than what the source's documents had before that run. Small samples say
 * nothing, so a check needs enough versions on both sides.
 */
import type { AlertConfig } from '../config/schema.js';
import { compileAlertRules } from '../events/alerts.js';
import type { HealthEventDraft } from '../events/event.js';
import { insertHealthEvent } from '../events/outbox.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import { latestBeforeRun, measureCoverage, writtenByRun, type Coverage } from './coverage.js';

export interface CoverageDrop {
  source: string;
  runId: number;
  /** `fields.<key>` or `record.<item>`. */
  item: string;
  before: number;
  after: number;
  /** Versions compared: written by the run / latest before it. */
  sample: { run: number; before: number };
}

export const HEALTH_THRESHOLDS = {
  /** Versions the run must have written for the check to mean anything. */
  minRunVersions: 5,
  minBaselineVersions: 10,
  /** Only items most documents had are watched. */
  minBaselineShare: 0.5,
  /** A fall of at least this much (absolute share) is a drop. */
  minDrop: 0.3,
};

/** Coverage drops of the versions a run wrote for a source, compared with what came before it. */
export function coverageDrops(db: Db, sourceId: string, runId: number, thresholds = HEALTH_THRESHOLDS): CoverageDrop[] {
  const after = measureCoverage(db, writtenByRun(sourceId, runId));
  if (after.total < thresholds.minRunVersions) return [];
  const before = measureCoverage(db, latestBeforeRun(sourceId, runId));
  if (before.total < thresholds.minBaselineVersions) return [];
  return compare(before, after).flatMap(([item, was, now]) =>
    was >= thresholds.minBaselineShare && was - now >= thresholds.minDrop
      ? [{ source: sourceId, runId, item, before: was, after: now, sample: { run: after.total, before: before.total } }]
      : [],
  );
}

/** The newest run that wrote versions for the source, if any. */
export function latestRunWithVersions(db: Db, sourceId: string): number | undefined {
  const runId = db.prepare(`SELECT max(v.run_id) FROM versions v JOIN documents d ON d.id = v.document_id WHERE d.source_id = ?`).pluck().get(sourceId) as
    number | null;
  return runId ?? undefined;
}

export function logCoverageDrops(log: Logger, drops: CoverageDrop[]): void {
  for (const drop of drops) {
    log.warn(
      drop,
      `extraction health: ${drop.item} coverage fell from ${percent(drop.before)} to ${percent(drop.after)} ` +
        `in run ${drop.runId} of ${drop.source}; the site may have been redesigned`,
    );
  }
}

function compare(before: Coverage, after: Coverage): [string, number, number][] {
  const fields = Object.entries(before.fields).map(([key, was]): [string, number, number] => [`fields.${key}`, was, after.fields[key] ?? 0]);
  const record = (Object.keys(before.record) as (keyof Coverage['record'])[]).map((key): [string, number, number] => [
    `record.${key}`,
    before.record[key],
    after.record[key],
  ]);
  return [...record, ...fields];
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * After a run: logs a warning for every coverage drop of the sources it crawled and, given the
 * alert rules, records one `source.silent` event per source whose coverage collapsed (the drop is
 * measured against the versions before the run, so a later run does not raise it again).
 */
export function checkRunHealth(db: Db, log: Logger, runId: number, sourceIds: string[], alerts?: AlertConfig[]): CoverageDrop[] {
  const drops = sourceIds.flatMap((sourceId) => coverageDrops(db, sourceId, runId));
  logCoverageDrops(log, drops);
  if (alerts) {
    const matchAlerts = compileAlertRules(alerts);
    for (const draft of coverageEvents(drops)) insertHealthEvent(db, draft, matchAlerts(draft));
  }
  return drops;
}

/** One `source.silent` per source with drops: "field coverage collapsed in run 12: fields.indexNo 95% → 0%, …". */
export function coverageEvents(drops: CoverageDrop[], at = new Date().toISOString()): HealthEventDraft[] {
  const bySource = new Map<string, CoverageDrop[]>();
  for (const drop of drops) bySource.set(drop.source, [...(bySource.get(drop.source) ?? []), drop]);
  return [...bySource].map(([source, list]) => ({
    type: 'source.silent',
    at,
    source,
    reason:
      `field coverage of its new versions collapsed in run ${list[0]!.runId}: ` +
      `${list.map((drop) => `${drop.item} ${percent(drop.before)} → ${percent(drop.after)}`).join(', ')}; the site may have been redesigned`,
  }));
}
