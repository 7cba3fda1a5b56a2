/**
 * Least time between two requests to one host, for requests made outside Crawlee (attachments):
 * Crawlee spaces a source's pages by its own rate limiter, which these requests never pass through.
 * Each caller reserves the next free moment of its host, so concurrent callers queue in order.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export class HostSpacing {
  private readonly nextFree = new Map<string, number>();

  /** Resolves at the host's next free moment, `intervalMs` after the one reserved before it. */
  async wait(host: string, intervalMs: number, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + intervalMs);
    if (at > now) await sleep(at - now, undefined, { signal });
  }
}
