/**
 * Politeness spacing for got, the HTTP client inside Crawlee's HttpCrawler: a `beforeRequest` hook
 * (the last one, right before got creates the request) waits for the host's turn (host-gate.ts),
 * then wraps got's request function so the gate also learns when the request was really handed to
 * the socket. A request held up on its way out (a new connection, a busy event loop) then pushes
 * the next one back by as much: the site sees the spacing, not only the client.
 */
import type { HostGate } from './host-gate.js';

type RequestFunction = ((url: URL, options: unknown, callback?: unknown) => unknown) & { [ORIGINAL]?: RequestFunction };

const ORIGINAL = Symbol('bureau-watch spaced request function');

/** The part of got's Options a beforeRequest hook uses here. */
interface GotHookOptions {
  url?: URL | string | undefined;
  request?: RequestFunction | undefined;
  getRequestFunction(): RequestFunction | undefined;
}

/**
 * Spacing below a millisecond (more than 60,000 requests a minute: "unlimited" in practice) is not
 * waited for: no timer waits less, and the request goes out without turn or bookkeeping.
 */
const UNNOTICEABLE_MS = 1;

export function spacingHook(gate: HostGate, fallbackUrl: string, spacingMs: number): (options: GotHookOptions) => Promise<void> {
  return async (options) => {
    const host = new URL(String(options.url ?? fallbackUrl)).host;
    gate.space(host, spacingMs);
    if (gate.spacingFor(host) < UNNOTICEABLE_MS) return;
    await gate.turn(host, spacingMs);
    // A redirect runs the hooks again on the same options: wrap got's own function, never a wrapper.
    const current = options.getRequestFunction();
    const inner = current?.[ORIGINAL] ?? current;
    if (!inner) return;
    const wrapped: RequestFunction = (url, requestOptions, callback) => {
      const result = inner(url, requestOptions, callback);
      void Promise.resolve(result).then(
        (request) => {
          const emitter = request as { once?: (event: string, listener: () => void) => void } | undefined;
          emitter?.once?.('finish', () => gate.sent(host));
        },
        () => undefined,
      );
      return result;
    };
    wrapped[ORIGINAL] = inner;
    options.request = wrapped;
  };
}
