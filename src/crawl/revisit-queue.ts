/**
 * Puts a source's revisit plan (revisit-plan.ts) into its fetch run: what list pages offer passes
 * through the plan (a known document is revisited only when due and within budget), and once every
 * list page and link of the run is handled, the due documents no list offered take what is left
 * of the budget. They wait for that moment because listed documents go first, and which ones are
 * listed is known only when the lists are read.
 */
import type { FetchRequest, QueueBudget, ResultHandler } from '../fetch/types.js';
import type { Frontier } from './frontier.js';
import type { RevisitPlan } from './revisit-plan.js';

/** Wraps the source's result handler; `initial` is what the run starts with. */
export function withRevisits(plan: RevisitPlan, frontier: Frontier, queue: QueueBudget, initial: FetchRequest[], handle: ResultHandler): ResultHandler {
  // List pages and links not handled yet: while any is, more listed documents may come.
  const open = new Set(initial.filter(findsMore).map((request) => request.url));
  // With nothing to read (no start URL allowed), plan.initial() queued the unlisted ones already.
  let unlistedQueued = open.size === 0;
  return async (result, enqueue) => {
    try {
      await handle(result, async (requests) => {
        const fresh = plan.forListed(requests.filter((request) => !queue.has(request.url)));
        await enqueue(fresh);
        for (const request of fresh) if (findsMore(request) && queue.has(request.url)) open.add(request.url);
      });
    } finally {
      open.delete(result.request.url);
      if (open.size === 0 && !unlistedQueued) {
        unlistedQueued = true;
        const admissible = await frontier.admissible(plan.unlisted());
        await enqueue(admissible.slice(0, queue.remaining()));
      }
    }
  };
}

/** Everything but a known document may lead to more documents (an item can turn out to be a list). */
function findsMore(request: FetchRequest): boolean {
  return request.kind !== 'document';
}
