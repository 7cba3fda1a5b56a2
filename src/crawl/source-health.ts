/**
 * Health events of a source, decided after its run from the run's outcome and the source's streaks
 * (src/store/source-health.ts), so each is raised once per streak, not every run:
 * - `source.failed` on the first failed run of a streak (no start URL could be read);
 * - `source.recovered` on the first run that is not failed after such a streak;
 * - `source.silent` when a source that holds documents had lists offering none for
 *   `health.silentAfterRuns` runs in a row (the column moved, or a redesign hides its links).
 * (A collapse of field coverage is the other `source.silent`: src/stats/health.ts.)
 * An interrupted run decides nothing: it did not get to read everything.
 */
import type { HealthEventDraft } from '../events/event.js';
import type { SourceCounts } from '../store/runs.js';
import type { SourceHealthState } from '../store/source-health.js';
import type { SourceOutcome } from './source-outcome.js';

export interface HealthInput {
  sourceId: string;
  outcome: SourceOutcome;
  counts: SourceCounts;
  /** Documents the source holds in the archive (removed ones too). */
  documents: number;
  before: SourceHealthState;
  /** Runs in a row without a listed document before `source.silent` (config health.silentAfterRuns). */
  silentAfterRuns: number;
  at: string;
}

export interface HealthDecision {
  after: SourceHealthState;
  events: HealthEventDraft[];
}

export function decideHealth(input: HealthInput): HealthDecision {
  const { before, outcome, sourceId, at } = input;
  const events: HealthEventDraft[] = [];
  const event = (type: HealthEventDraft['type'], reason: string) => events.push({ type, at, source: sourceId, reason });
  if (outcome.outcome === 'failed') {
    if (before.failedRuns === 0) event('source.failed', outcome.reason ?? 'no start URL could be read');
    return { after: { ...before, failedRuns: before.failedRuns + 1 }, events };
  }
  if (before.failedRuns > 0) {
    event(
      'source.recovered',
      `start URLs read again after ${before.failedRuns} failed run(s)${outcome.outcome === 'degraded' ? `; still degraded: ${outcome.reason}` : ''}`,
    );
  }
  const after: SourceHealthState = { failedRuns: 0, emptyRuns: 0, silentRaised: false };
  if (input.counts.listed === 0 && input.documents > 0) {
    after.emptyRuns = before.emptyRuns + 1;
    after.silentRaised = before.silentRaised;
    if (after.emptyRuns >= input.silentAfterRuns && !before.silentRaised) {
      after.silentRaised = true;
      event(
        'source.silent',
        `its lists offered no document in ${after.emptyRuns} runs in a row (the archive holds ${input.documents} of it): ` +
          'the column may have moved or been redesigned; check startUrls and include',
      );
    }
  }
  return { after, events };
}
