/**
 * Which known documents a source's run requests. List pages are read every run; a known document
 * only when its next check is due (src/archive/revisit-schedule.ts), and no more of them than the
 * source's `revisit.budget`, so an unchanged run of a 5,000-document source costs its list pages
 * plus the budget instead of 5,000 requests. Who goes first within the budget: documents the
 * current list pages still offer (taken as the lists are read), then recent ones (published or
 * first seen within `revisit.maxDays`), newest first, then the rest, longest overdue first.
 * Outside the budget: a document that answered 404 last run (removal needs two consecutive
 * answers, so it is asked again at once) and, under `--revisit-all`, every known document.
 */
import { dueBy } from '../archive/revisit-schedule.js';
import type { RevisitConfig } from '../config/schema.js';
import type { FetchRequest } from '../fetch/types.js';
import type { Db } from '../store/database.js';
import { revisitCandidates, type RevisitCandidate } from '../store/check-schedule.js';

export interface RevisitOptions extends RevisitConfig {
  /** The run's start, which "due" and "recent" are judged against. */
  now: Date;
  /** `crawl --revisit-all`: every known document, no budget. */
  all: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class RevisitPlan {
  /** Due documents not requested yet, by URL. */
  private readonly due = new Map<string, RevisitCandidate>();
  /** Known documents this run leaves alone: not due, or already requested. */
  private readonly skipped = new Set<string>();
  private readonly always: RevisitCandidate[] = [];
  private budgetLeft: number;
  /** Due documents this run found, and how many of them it requested. */
  readonly tally = { due: 0, requested: 0, listed: 0, pendingRemoval: 0 };

  constructor(
    candidates: RevisitCandidate[],
    private readonly options: RevisitOptions,
  ) {
    this.budgetLeft = options.all ? Number.POSITIVE_INFINITY : options.budget;
    const by = dueBy(options.now);
    for (const doc of candidates) {
      if (options.all || (doc.status === 'active' && doc.missingCount > 0)) this.always.push(doc);
      else if (doc.nextCheckAt === null || doc.nextCheckAt <= by) this.due.set(doc.url, doc);
      else this.skipped.add(doc.url);
    }
    this.tally.due = this.due.size;
    this.tally.pendingRemoval = options.all ? 0 : this.always.length;
  }

  /**
   * Known documents to queue with the start URLs: those asked outside the budget, and, when no
   * list page will be read (`listing` false: robots.txt kept every start URL from us), the due ones at once.
   */
  initial(listing: boolean): FetchRequest[] {
    const requests = this.always.map((doc) => revisitRequest(doc));
    for (const doc of this.always) this.skipped.add(doc.url);
    this.always.length = 0;
    return listing ? requests : [...requests, ...this.unlisted()];
  }

  /**
   * What a list page offered, as the run requests it: a known document becomes a revisit (with its
   * validators) while it is due and the budget lasts, and is dropped otherwise; new URLs pass unchanged.
   */
  forListed(requests: FetchRequest[]): FetchRequest[] {
    return requests.flatMap((request) => {
      if (request.kind !== 'unknown') return [request];
      const doc = this.due.get(request.url);
      if (!doc) return this.skipped.has(request.url) ? [] : [request];
      if (!this.take(doc)) return [];
      this.tally.listed++;
      return [revisitRequest(doc, request.depth)];
    });
  }

  /** The due documents no list page offered, recent first, then longest overdue first, as many as the budget has left. */
  unlisted(): FetchRequest[] {
    const recentSince = new Date(this.options.now.getTime() - this.options.maxDays * DAY_MS).toISOString().slice(0, 10);
    const recent = (doc: RevisitCandidate) => doc.recency >= recentSince;
    const ordered = [...this.due.values()].sort(
      (a, b) => Number(recent(b)) - Number(recent(a)) || (recent(a) ? compare(b.recency, a.recency) : compare(a.nextCheckAt ?? '', b.nextCheckAt ?? '')),
    );
    return ordered.filter((doc) => this.take(doc)).map((doc) => revisitRequest(doc));
  }

  private take(doc: RevisitCandidate): boolean {
    if (this.budgetLeft <= 0) return false;
    this.budgetLeft--;
    this.tally.requested++;
    this.due.delete(doc.url);
    this.skipped.add(doc.url);
    return true;
  }
}

export function planRevisits(db: Db, sourceId: string, options: RevisitOptions): RevisitPlan {
  return new RevisitPlan(revisitCandidates(db, sourceId), options);
}

function revisitRequest(doc: RevisitCandidate, depth?: number): FetchRequest {
  return { url: doc.url, kind: 'document', etag: doc.etag, lastModified: doc.lastModified, ...(depth === undefined ? {} : { depth }) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
