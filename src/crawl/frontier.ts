import { nextProxyRequest } from '../discover/hanweb-datastore.js';
import type { ListDiscovery } from '../discover/list-page.js';
import type { SourceScope } from '../discover/scope.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { FetchRequest, QueueBudget } from '../fetch/types.js';

/** One range of a Hanweb column's records, as the proxy answered it. */
export interface DatastoreAnswer {
  items: string[];
  recordCount: number;
  totalRecord: number | null;
}

/**
 * Decides what a source's crawl fetches next: scope (hosts, include/exclude, territory),
 * robots.txt, the early stop on a long column, and the source's page budget (maxPages, which the
 * fetch queue enforces). It also notes whether the column listing of this run was complete (no
 * list page lost, nothing left out for the budget), which is what makes the next run's early stop safe.
 */
export class Frontier {
  /** A start or pagination page failed, or maxPages left URLs out: some of the listing is unread. */
  private incomplete = false;
  /** Column pages at which reading stopped because every item on them was already known. */
  earlyStops = 0;
  disallowed = 0;
  /** Documents the source's lists offered in this run (in scope, known ones too; a start URL that is a document counts): none for runs on end is a silent source. */
  listed = 0;

  constructor(
    private readonly scope: SourceScope,
    private readonly robots: RobotsCache,
    /** Documents counting as known for early stop; null reads every list page. */
    private readonly known: Set<string> | null,
    /** The fetch queue's: what it holds and how many more URLs it takes in this run. */
    private readonly budget: QueueBudget,
  ) {}

  get listingComplete(): boolean {
    return !this.incomplete;
  }

  markListingIncomplete(): void {
    this.incomplete = true;
  }

  /** A failed or missing list page leaves the listing incomplete unless it was a mere sub-list link. */
  listPageLost(request: FetchRequest): void {
    if (request.kind === 'start' || request.listRole === 'next') this.incomplete = true;
  }

  /**
   * What a list, home or channel page leads to. A page fetched as a list's item that turned out
   * to be a list itself (a category link next to the title) is read only if it is a sub-list the
   * source may follow: items must not lead the crawl into other columns.
   */
  async fromListPage(discovery: ListDiscovery, from: FetchRequest, pageUrl: string): Promise<FetchRequest[]> {
    if (from.kind === 'unknown' && !this.scope.allowsSubList(pageUrl)) return [];
    const depth = (from.depth ?? 0) + 1;
    const items = discovery.items.filter((url) => this.scope.allowsDocument(url));
    this.listed += items.length;
    const requests: FetchRequest[] = items.map((url) => ({ url, kind: 'unknown', hint: 'document', depth }));
    for (const url of discovery.lists) {
      if (this.scope.allowsSubList(url)) requests.push({ url, kind: 'list', listRole: 'sub', depth });
    }
    if (!this.stopsHere(items)) {
      for (const next of discovery.next) {
        if (this.scope.allowsPagination(next.url)) requests.push({ url: next.url, kind: 'list', listRole: 'next', depth, pagingTotal: next.total });
      }
    }
    return this.admissible(requests);
  }

  /** What a Hanweb proxy answer (one range of a column's records) leads to. */
  async fromDatastore(answer: DatastoreAnswer, from: FetchRequest, answerUrl: string): Promise<FetchRequest[]> {
    const depth = (from.depth ?? 0) + 1;
    const scoped = answer.items.filter((url) => this.scope.allowsDocument(url));
    this.listed += scoped.length;
    const requests: FetchRequest[] = scoped.map((url) => ({ url, kind: 'unknown', hint: 'document', depth }));
    const next = this.stopsHere(scoped) ? null : nextProxyRequest(answerUrl, answer, from.pagingTotal ?? null);
    if (next && this.scope.allowsPagination(next.url)) {
      requests.push({ url: next.url, kind: 'list', listRole: 'next', depth, pagingTotal: next.total });
    }
    return this.admissible(requests);
  }

  /**
   * What a page of the source's listApi leads to: its documents, and the next page unless early
   * stop applies. The API's own pages were configured, not found: scope does not judge them.
   */
  async fromListApi(links: string[], from: FetchRequest, next: FetchRequest | null): Promise<FetchRequest[]> {
    const depth = (from.depth ?? 0) + 1;
    const items = links.filter((url) => this.scope.allowsDocument(url));
    this.listed += items.length;
    const requests: FetchRequest[] = items.map((url) => ({ url, kind: 'unknown', hint: 'document', depth }));
    if (next && !this.stopsHere(items)) requests.push(next);
    return this.admissible(requests);
  }

  /** Whether a redirect may be followed: in scope, and not disallowed by rules already loaded. */
  allowsRedirect(target: string): boolean {
    return redirectAllowed(this.scope, this.robots, target);
  }

  /** True when early stop applies: a page whose every item was already known before this run. */
  private stopsHere(items: string[]): boolean {
    const known = this.known;
    if (!known || items.length === 0 || !items.every((url) => known.has(url))) return false;
    this.earlyStops++;
    return true;
  }

  /**
   * The requests, in order, that are new to this run's queue and allowed by robots.txt, as many as
   * the page budget takes plus one (that one tells withinBudget the budget cut the list short).
   * robots.txt is asked only that far: a page of 100,000 links costs at most maxPages + 1 lookups.
   */
  async admissible(requests: FetchRequest[]): Promise<FetchRequest[]> {
    const room = this.budget.remaining();
    const picked: FetchRequest[] = [];
    const urls = new Set<string>();
    for (const request of requests) {
      if (picked.length > room) break;
      if (this.budget.has(request.url) || urls.has(request.url)) continue;
      if (!(await this.robots.isAllowed(request.url))) {
        this.disallowed++;
        continue;
      }
      urls.add(request.url);
      picked.push(request);
    }
    return picked;
  }

  /**
   * What of admissible()'s answer still fits the budget, to be enqueued at once (in the same
   * tick: other pages' handlers take from the budget between awaits). Leaving a URL out makes the
   * listing incomplete, as a lost list page does: the next run must not stop early before it.
   */
  withinBudget(requests: FetchRequest[]): FetchRequest[] {
    const fresh = requests.filter((request) => !this.budget.has(request.url));
    const room = this.budget.remaining();
    if (fresh.length <= room) return fresh;
    this.incomplete = true;
    return fresh.slice(0, room);
  }

  async robotsAllowed(requests: FetchRequest[]): Promise<FetchRequest[]> {
    const allowed: FetchRequest[] = [];
    for (const request of requests) {
      if (await this.robots.isAllowed(request.url)) allowed.push(request);
      else this.disallowed++;
    }
    return allowed;
  }
}

/**
 * Whether a redirect may be followed: in scope, and not disallowed by robots rules already loaded.
 * Needs no frontier, so the fetcher (created before the frontier, which takes its budget) can ask.
 */
export function redirectAllowed(scope: SourceScope, robots: RobotsCache, target: string): boolean {
  return scope.mayFetch(target) && robots.peek(target) !== false;
}
