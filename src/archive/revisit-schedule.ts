/**
 * When a known document is checked next, decided from what its last check found. The interval
 * doubles from one day while the document stays unchanged (most pages never change after their
 * first weeks), falls back to one day when it changes (a corrected page is often corrected again),
 * and never exceeds the source's `revisit.maxDays`. A check that found nothing conclusive (the page
 * could not be fetched) or a first 404/410 asks for the next run: removal needs two consecutive
 * answers, and a server that was down should not push a document weeks back.
 */
import type { CheckSchedule } from '../store/check-schedule.js';

/** What one check of a known document found, as far as the schedule cares. */
export type CheckOutcome =
  /** A new document, a new version (page or attachments). */
  | 'changed'
  /** 304, or a 200 with the same content; also a removed document that still answers 404. */
  | 'unchanged'
  /** First 404/410 (or a "not found" page) of an active document: confirmed or refuted next run. */
  | 'missing'
  /** Timeout, 5xx, refused: nothing learned. */
  | 'unreachable';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest interval the schema allows for `revisit.maxDays`. */
export const MAX_REVISIT_DAYS = 365;

export function nextCheck(outcome: CheckOutcome, previousIntervalDays: number, at: Date, maxDays: number): CheckSchedule {
  const cap = Math.max(1, Math.min(maxDays, MAX_REVISIT_DAYS));
  switch (outcome) {
    case 'changed':
      return after(at, 1);
    case 'unchanged':
      return after(at, Math.min(Math.max(1, previousIntervalDays) * 2, cap));
    case 'missing':
    case 'unreachable':
      // Due at once: the next run (whatever its time) finds it due; the interval is kept for after.
      return { intervalDays: Math.min(Math.max(1, previousIntervalDays), cap), nextCheckAt: at.toISOString() };
  }
}

function after(at: Date, days: number): CheckSchedule {
  return { intervalDays: days, nextCheckAt: new Date(at.getTime() + days * DAY_MS).toISOString() };
}

/**
 * Runs on a daily schedule start a little earlier or later from one day to the next (the
 * scheduler's jitter, a slow run before): a check falling due this soon after a run's start is
 * made by that run, not pushed back a whole day.
 */
const DUE_SLACK_MS = 2 * 60 * 60 * 1000;

/** The latest next-check time (ISO-8601) a run starting at `now` treats as due. */
export function dueBy(now: Date): string {
  return new Date(now.getTime() + DUE_SLACK_MS).toISOString();
}
