/**
 * The optional login of `serve`: its password comes from this environment variable, never from a
 * flag (flags show in `ps`). Kept apart from the web framework so the command can read it cheaply.
 */
export const SERVE_PASSWORD_VARIABLE = 'BUREAU_WATCH_SERVE_PASSWORD';

export const DEFAULT_SERVE_USER = 'bureau-watch';
