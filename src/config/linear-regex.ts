import { RE2JS } from 're2js';
import { errorMessage } from '../errors.js';

/**
 * Regexes from the config (scope include/exclude, alert title and field patterns) are matched
 * against strings a site chooses: URLs, titles, field values. JavaScript's RegExp backtracks, so
 * `(\d+)+x$` against a link holding 40 digits would run for hours. These patterns are compiled
 * with re2js, a pure-JS port of RE2, whose matching time is linear in the input; the input is
 * also cut to MAX_MATCHED_CHARS first, so one match costs a bounded amount whatever the site sends.
 *
 * Patterns are written as JavaScript regexes (`\u4e00`, `\/` work: re2js translates them); what
 * RE2 cannot match without backtracking (backreferences, lookahead, lookbehind) is refused at load.
 */

/** Longer URLs, titles and field values are cut to this many characters before matching. */
export const MAX_MATCHED_CHARS = 4096;

export interface LinearRegex {
  readonly source: string;
  /** Whether the pattern occurs anywhere in the first MAX_MATCHED_CHARS characters of the input. */
  test(input: string): boolean;
}

/** Compiles a config pattern; throws with linearRegexProblem's message when it cannot. */
export function compileLinearRegex(pattern: string): LinearRegex {
  const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
  return {
    source: pattern,
    test: (input) => compiled.test(input.length > MAX_MATCHED_CHARS ? input.slice(0, MAX_MATCHED_CHARS) : input),
  };
}

/** Why a pattern is refused (what was expected and what came), or null when it compiles. */
export function linearRegexProblem(pattern: string): string | null {
  const unsupported = unsupportedSyntax(pattern);
  if (unsupported) {
    return `expected a regular expression RE2 can match in linear time; ${unsupported} is not supported (it needs backtracking, which a hostile URL or title can make run for hours)`;
  }
  try {
    compileLinearRegex(pattern);
    return null;
  } catch (error) {
    return `expected a valid regular expression (RE2 syntax): ${errorMessage(error).replace(/^error parsing regexp: /, '')}`;
  }
}

/** The backtracking-only constructs, named so the operator knows what to rewrite. */
function unsupportedSyntax(pattern: string): string | null {
  // Outside a character class, after an unescaped position; good enough to name the construct,
  // since RE2 refuses these anyway (the name only makes the message clearer).
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(pattern)) return 'a backreference (\\1 …)';
  if (/(^|[^\\])(\\\\)*\\k</.test(pattern)) return 'a named backreference (\\k<name>)';
  if (/\(\?<?[=!]/.test(pattern)) return /\(\?<[=!]/.test(pattern) ? 'lookbehind ((?<= or (?<!)' : 'lookahead ((?= or (?!)';
  return null;
}
