/**
 * A small, safe JSON path for `listApi.links`: member names, array indexes and `*` wildcards,
 * e.g. `data.list[*].url`, `$.result.records[*]['详情链接']`, `rows.*.href`. No filters and no
 * script expressions (the JSONPath libraries' `?()` evaluates code), so a path from the config can
 * never run anything; the answers it walks are a site's, and only their values are read.
 */

export type PathStep = { kind: 'member'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

/** What a path may look like; parseJsonPath's errors say what was found instead. */
export const JSON_PATH_SYNTAX = "dot-separated names, [N] indexes, [*] or .* wildcards, ['quoted name']";

const STEP = /^(?:\.([A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff-]*)|\.\*|\[\*\]|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/u;

/** Parses a path, or throws an Error naming the offending position. */
export function parseJsonPath(path: string): PathStep[] {
  let rest = path.trim().replace(/^\$/, '');
  // A leading bare name (`data.list`) reads as `.data.list`.
  if (rest && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`;
  const steps: PathStep[] = [];
  while (rest) {
    const match = STEP.exec(rest);
    if (!match) throw new Error(`cannot read "${rest.slice(0, 20)}" in path "${path}": expected ${JSON_PATH_SYNTAX}`);
    steps.push(toStep(match));
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) throw new Error(`empty path: expected ${JSON_PATH_SYNTAX}`);
  return steps;
}

export function isValidJsonPath(path: string): boolean {
  try {
    parseJsonPath(path);
    return true;
  } catch {
    return false;
  }
}

/** Every value the path reaches in `root`, in document order; missing members reach nothing. */
export function selectJsonPath(root: unknown, steps: PathStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) current = current.flatMap((value) => applyStep(value, step));
  return current;
}

function toStep(match: RegExpExecArray): PathStep {
  const [text, name, index, single, double] = match;
  if (name !== undefined) return { kind: 'member', name };
  if (index !== undefined) return { kind: 'index', index: Number(index) };
  if (single !== undefined) return { kind: 'member', name: single.replace(/\\(.)/g, '$1') };
  if (double !== undefined) return { kind: 'member', name: double.replace(/\\(.)/g, '$1') };
  if (text === '.*' || text === '[*]') return { kind: 'wildcard' };
  throw new Error(`unexpected path step "${text}"`);
}

function applyStep(value: unknown, step: PathStep): unknown[] {
  if (value === null || typeof value !== 'object') return [];
  if (step.kind === 'wildcard') return Array.isArray(value) ? value : Object.values(value);
  if (step.kind === 'index') return Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
  // Own properties only: a path like `__proto__` or `constructor` must not reach the prototype.
  return !Array.isArray(value) && Object.hasOwn(value, step.name) ? [(value as Record<string, unknown>)[step.name]] : [];
}
