/**
 * Typed errors. Every failure is one of three kinds, so callers decide without parsing messages:
 * - RetryableError: may succeed if tried again (timeouts, 5xx, connection resets).
 * - PermanentError: retrying will not help for this item, but the run goes on (404, bad page).
 * - FatalError: the run cannot continue (bad config, database unwritable); exits with `exitCode`.
 * Messages say what was expected and what came.
 */
export type ErrorKind = 'retryable' | 'permanent' | 'fatal';

export abstract class BureauWatchError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class RetryableError extends BureauWatchError {
  readonly kind = 'retryable' as const;
}

export class PermanentError extends BureauWatchError {
  readonly kind = 'permanent' as const;
}

/** Process exit codes from the contract (docs/contract.md). */
export const ExitCode = { ok: 0, failed: 1, usage: 2, locked: 3 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class FatalError extends BureauWatchError {
  readonly kind = 'fatal' as const;
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failed,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad command-line usage or an invalid config: exit 2. */
export class UsageError extends FatalError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

/** Another process holds the run lock for this database: exit 3. */
export class LockedError extends FatalError {
  constructor(message: string) {
    super(message, ExitCode.locked);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
