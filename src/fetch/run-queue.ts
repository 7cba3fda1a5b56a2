/**
 * The request queue of a run's one HTTP crawler, shared by every source (Crawlee uses it in place
 * of its own RequestQueue, as an IRequestManager). Two views of the same requests:
 * - per source, a **lane**: its page budget (at most `limit` distinct URLs per run, queued, in
 *   flight and done together), its de-duplication, and when its part of the crawl is done;
 * - per host, a first-in-first-out line: a request is handed out only together with a free slot
 *   on its host (HostGate.tryAcquire), hosts taken in turn, so a busy or slow host never holds a
 *   fetch task that another host could use, and a hundred sources on one city portal still put
 *   only that host's limit of requests on it at once.
 * Pending requests are the crawl's own small records; a Crawlee Request is built only when one is
 * handed out and forgotten once handled (see lean-queue.ts for why). Nothing outlives the run.
 */
import { Request, RequestState } from '@crawlee/core';
import type { HostGate } from './host-gate.js';
import type { QueueBudget } from './types.js';
import { UrlBudget } from './url-budget.js';

/** One queued request: its lane, and the item (or, once tried and handed back for a retry, its Crawlee Request). */
interface Entry<T extends { url: string }> {
  lane: SourceLane<T>;
  item: T | Request;
}

/** A request handed out: its lane, and the host slot it holds until its body is in. */
interface Held<T extends { url: string }> {
  lane: SourceLane<T>;
  release: () => void;
}

export class RunQueue<T extends { url: string }> {
  private readonly lines = new Map<string, Line<Entry<T>>>();
  /** Hosts with queued requests, served in turn from `cursor`. */
  private readonly hosts: string[] = [];
  private cursor = 0;
  private readonly held = new WeakMap<object, Held<T>>();
  /** Every handed-out request's lane, kept after it is handled: its failure handler runs after that. */
  private readonly lanes = new WeakMap<object, SourceLane<T>>();
  private pendingTotal = 0;
  private inFlightTotal = 0;
  private handled = 0;
  private closed = false;
  /** Set by Crawlee on the queue it is given; unused here. */
  internalTimeoutMillis = 0;
  requestLockSecs = 0;

  constructor(
    private readonly gate: HostGate,
    private readonly toRequest: (item: T) => Request,
    /** Told when a request may have become ready (queued, a slot freed, the run closed): wakes the crawler. */
    private readonly onReady: () => void = () => undefined,
  ) {}

  /** A source's share of the queue, admitting at most `limit` distinct URLs in this run. */
  lane(limit = Number.POSITIVE_INFINITY): SourceLane<T> {
    return new SourceLane(this, limit);
  }

  /** No more lanes will come: the crawler finishes once every lane is done. */
  close(): void {
    this.closed = true;
    this.onReady();
  }

  /** The lane a handed-out request belongs to. */
  laneOf(request: object): SourceLane<T> | undefined {
    return this.lanes.get(request);
  }

  /**
   * A request that failed for good has had its failure handled: only now is it done for its lane.
   * (Crawlee marks such a request handled first and runs the failure handler after.)
   */
  failureHandled(request: Request): void {
    this.lanes.get(request)?.handledOne();
  }

  /** The body of a handed-out request is in: its host may serve the next one (idempotent). */
  releaseSlot(request: object): void {
    this.held.get(request)?.release();
  }

  /** @internal lanes queue through here */
  enqueue(lane: SourceLane<T>, item: T | Request, forefront = false): void {
    const host = hostOf(item.url);
    let line = this.lines.get(host);
    if (!line) {
      line = new Line();
      this.lines.set(host, line);
      this.hosts.push(host);
    }
    if (forefront) line.unshift({ lane, item });
    else line.push({ lane, item });
    lane.pending++;
    this.pendingTotal++;
  }

  /** @internal the lane's queued requests are dropped (a graceful stop). */
  dropQueued(lane: SourceLane<T>): void {
    for (const [host, line] of this.lines) {
      const removed = line.removeWhere((entry) => entry.lane === lane);
      this.pendingTotal -= removed;
      lane.pending -= removed;
      if (line.length === 0) this.forgetHost(host);
    }
  }

  /** @internal */
  notify(): void {
    this.onReady();
  }

  // Crawlee's IRequestManager, as BasicCrawler uses it.

  async isFinished(): Promise<boolean> {
    return this.closed && this.pendingTotal === 0 && this.inFlightTotal === 0;
  }

  /** True when nothing can be handed out right now (nothing queued, or every such host busy). */
  async isEmpty(): Promise<boolean> {
    return this.readyHostIndex() < 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.handled + this.pendingTotal + this.inFlightTotal;
  }

  getPendingCount(): number {
    return this.pendingTotal + this.inFlightTotal;
  }

  async fetchNextRequest(): Promise<Request | null> {
    for (let index = this.readyHostIndex(); index >= 0; index = this.readyHostIndex()) {
      const host = this.hosts[index]!;
      const release = this.gate.tryAcquire(host);
      if (!release) continue; // taken meanwhile; readyHostIndex() looks again
      const line = this.lines.get(host)!;
      const entry = line.shift()!;
      if (line.length === 0) this.forgetHost(host);
      else this.cursor = index + 1;
      this.pendingTotal--;
      entry.lane.pending--;
      const request = entry.item instanceof Request ? entry.item : this.toRequest(entry.item);
      this.held.set(request, { lane: entry.lane, release: this.notifying(release) });
      this.lanes.set(request, entry.lane);
      this.inFlightTotal++;
      entry.lane.inFlight++;
      return request;
    }
    return null;
  }

  async markRequestHandled(request: Request): Promise<null> {
    const held = this.settle(request);
    if (!held) return null;
    this.handled++;
    // In the error handler: the failure handler comes next, and calls failureHandled().
    if (request.state !== RequestState.ERROR_HANDLER) held.lane.handledOne();
    return null;
  }

  /** A request to retry keeps its Request object (and so its retry count); a stopped lane's is dropped. */
  async reclaimRequest(request: Request, options?: { forefront?: boolean }): Promise<null> {
    const held = this.settle(request);
    if (!held) return null;
    held.lane.inFlight--;
    if (held.lane.stopped) held.lane.checkDone();
    else {
      this.enqueue(held.lane, request, options?.forefront === true);
      this.onReady();
    }
    return null;
  }

  async addRequest(): Promise<never> {
    throw new Error('the run queue takes requests through its lanes only');
  }

  async addRequestsBatched(): Promise<never> {
    throw new Error('the run queue takes requests through its lanes only');
  }

  private settle(request: Request): Held<T> | undefined {
    const held = this.held.get(request);
    if (!held) return undefined;
    this.held.delete(request);
    held.release();
    this.inFlightTotal--;
    return held;
  }

  /** The first host from the cursor on with a queued request and a free slot, or -1. */
  private readyHostIndex(): number {
    const count = this.hosts.length;
    for (let step = 0; step < count; step++) {
      const index = (this.cursor + step) % count;
      if (this.gate.hasRoom(this.hosts[index]!)) return index;
    }
    return -1;
  }

  private forgetHost(host: string): void {
    this.lines.delete(host);
    const index = this.hosts.indexOf(host);
    if (index < 0) return;
    this.hosts.splice(index, 1);
    if (this.cursor > index) this.cursor--;
    if (this.cursor >= this.hosts.length) this.cursor = 0;
  }

  private notifying(release: () => void): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
      this.onReady();
    };
  }
}

/**
 * One source's share of the run queue: its budget (QueueBudget, for the crawl's frontier) and
 * de-duplication, what it has queued and in flight, and a promise for when all of it is handled.
 */
export class SourceLane<T extends { url: string }> implements QueueBudget {
  private readonly budget: UrlBudget;
  pending = 0;
  inFlight = 0;
  handled = 0;
  stopped = false;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly queue: RunQueue<T>,
    limit: number,
  ) {
    this.budget = new UrlBudget(limit);
  }

  /**
   * Queues, in order, the items whose URL this lane never queued in this run, while its limit
   * allows; returns how many were new. Stops reading the items at the first new one that does not fit.
   */
  add(items: Iterable<T>): number {
    if (this.stopped) return 0;
    let added = 0;
    for (const item of this.budget.admitNew(items)) {
      this.queue.enqueue(this, item);
      added++;
    }
    if (added > 0) this.queue.notify();
    return added;
  }

  has(url: string): boolean {
    return this.budget.has(url);
  }

  remaining(): number {
    return this.budget.remaining();
  }

  /** Some new URL was turned away because the limit was reached: part of the crawl was left out. */
  get refused(): boolean {
    return this.budget.refused;
  }

  /** Resolves once nothing of the lane is queued or in flight (at once when that is so already). */
  done(): Promise<void> {
    if (this.isDone()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Graceful stop: nothing more of this lane is handed out; what is in flight finishes. */
  stop(): void {
    this.stopped = true;
    this.queue.dropQueued(this);
    this.checkDone();
  }

  /** @internal */
  handledOne(): void {
    this.handled++;
    this.inFlight--;
    this.checkDone();
  }

  /** @internal */
  checkDone(): void {
    if (!this.isDone()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private isDone(): boolean {
    return this.pending === 0 && this.inFlight === 0;
  }
}

/** A first-in-first-out line with O(1) push and shift; the consumed front is dropped now and then. */
class Line<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  unshift(item: T): void {
    if (this.head > 0) this.items[--this.head] = item;
    else this.items.unshift(item);
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Removes the items matching `drop`; returns how many. */
  removeWhere(drop: (item: T) => boolean): number {
    const kept = this.items.slice(this.head).filter((item) => item !== undefined && !drop(item));
    const removed = this.length - kept.length;
    this.items = kept;
    this.head = 0;
    return removed;
  }
}

function hostOf(url: string): string {
  return new URL(url).host;
}
