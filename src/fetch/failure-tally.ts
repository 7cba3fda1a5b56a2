import type { BureauWatchError } from '../errors.js';
import { accessFailureReason, type AccessFailureReason } from './access-errors.js';

/** One class of access failure in a source's run: how often, and the first message as example. */
export interface AccessFailureCount {
  reason: AccessFailureReason;
  count: number;
  /** The first such failure's message, naming the option that would fix it. */
  message: string;
}

/**
 * A source's access failures by class, for the run summary and, later, a `source.failed` event's
 * reason. Only classified failures count: a 404 or a page too large is no access problem.
 */
export class FailureTally {
  private readonly byReason = new Map<AccessFailureReason, AccessFailureCount>();

  note(error: BureauWatchError): void {
    const reason = accessFailureReason(error);
    if (!reason) return;
    const entry = this.byReason.get(reason);
    if (entry) entry.count++;
    else this.byReason.set(reason, { reason, count: 1, message: error.message });
  }

  /** Most frequent first. */
  counts(): AccessFailureCount[] {
    return [...this.byReason.values()].sort((a, b) => b.count - a.count);
  }

  /** The class that stopped the source most, as a `source.failed` reason would carry it. */
  main(): AccessFailureCount | undefined {
    return this.counts()[0];
  }
}

/** Lines for the run summary under the counts table, e.g. `gov-a: 12 × certificate: certificate verify failed …`. */
export function formatAccessFailures(bySource: Record<string, AccessFailureCount[]>): string {
  const lines: string[] = [];
  for (const [source, counts] of Object.entries(bySource)) {
    for (const { reason, count, message } of counts) lines.push(`${source}: ${count} × ${reason}: ${message}`);
  }
  return lines.join('\n');
}
