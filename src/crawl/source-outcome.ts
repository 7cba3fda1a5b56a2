/**
 * How a source's run ended, for cron's eyes: `ok`, `degraded` (some pages or attachments failed, or
 * pages could not be stored: the rest is archived) or `failed` (no start URL could be read: the source yielded nothing
 * this run, whatever the counts say). The reason is one line naming the cause and, where known, the
 * fix (a classified access failure names its option; a status names what to check).
 */
import type { AccessFailureCount } from '../fetch/failure-tally.js';
import type { SourceCounts } from '../store/runs.js';
import type { StartUrlReadings } from './start-urls.js';

export type SourceOutcomeKind = 'ok' | 'degraded' | 'failed';

export interface SourceOutcome {
  outcome: SourceOutcomeKind;
  /** Why, in one line; null when ok. */
  reason: string | null;
}

const MAX_REASON_CHARS = 400;

export function decideOutcome(starts: StartUrlReadings, counts: SourceCounts, accessFailures: AccessFailureCount[]): SourceOutcome {
  if (starts.allFailed) return { outcome: 'failed', reason: clip(starts.summary() ?? 'no start URL could be read') };
  const startTrouble = starts.summary();
  if (counts.errors === 0 && counts.attachmentsFailed === 0 && !startTrouble) return { outcome: 'ok', reason: null };
  const parts: string[] = [];
  if (counts.errors > 0) {
    parts.push(
      `${counts.errors} page(s) failed${counts.unstored > 0 ? `, ${counts.unstored} of them fetched but not stored (the database was busy or refused the write)` : ''}`,
    );
  }
  if (counts.attachmentsFailed > 0)
    parts.push(`${counts.attachmentsFailed} attachment(s) could not be fetched or read (their documents are stored; see the log)`);
  if (startTrouble) parts.push(startTrouble);
  const main = accessFailures[0];
  if (main) parts.push(`most often ${main.reason} (${main.count}×): ${main.message}`);
  return { outcome: 'degraded', reason: clip(parts.join('; ')) };
}

/** "binhu-edu: failed — http://…/xxgk/ answered 404 (check startUrls)" */
export function outcomeLine(sourceId: string, outcome: SourceOutcome): string {
  return outcome.reason ? `${sourceId}: ${outcome.outcome} — ${outcome.reason}` : `${sourceId}: ${outcome.outcome}`;
}

function clip(text: string): string {
  return text.length > MAX_REASON_CHARS ? `${text.slice(0, MAX_REASON_CHARS - 1)}…` : text;
}

/** One line per source that was not ok, for the run summary. */
export function outcomeLines(outcomes: Record<string, SourceOutcome>): string[] {
  return Object.entries(outcomes)
    .filter(([, outcome]) => outcome.outcome !== 'ok')
    .map(([sourceId, outcome]) => outcomeLine(sourceId, outcome));
}

/**
 * Why the run as a whole failed (exit 1), or null: a source none of whose start URLs could be read,
 * or a page fetched but not stored.
 */
export function runFailure(outcomes: Record<string, SourceOutcome>, counts: Record<string, { unstored: number }>): string | null {
  const failed = Object.entries(outcomes)
    .filter(([, outcome]) => outcome.outcome === 'failed')
    .map(([sourceId]) => sourceId);
  const unstored = Object.values(counts).reduce((sum, c) => sum + c.unstored, 0);
  const parts = [
    ...(failed.length ? [`${failed.length} source(s) failed (${failed.join(', ')})`] : []),
    ...(unstored ? [`${unstored} page(s) fetched but not stored (they are fetched again next run)`] : []),
  ];
  return parts.length ? `crawl finished with failures: ${parts.join('; ')}` : null;
}
