import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { UsageError, errorMessage } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = 'config/sources.yaml';

/** Config file path: `--config`, else $BUREAU_WATCH_CONFIG, else the default. */
export function resolveConfigPath(flag: string | undefined, env = process.env): string {
  return flag ?? env.BUREAU_WATCH_CONFIG ?? DEFAULT_CONFIG_PATH;
}

/**
 * What the command does with the config: `run` (crawl, schedule, deliver) uses every section; `read`
 * (search, show, export, stats, serve …) never delivers nor fetches, so a `${VAR}` it cannot resolve
 * in `sinks` or in the site access options (proxy, headers, cookies) drops that section instead of
 * failing: an archivist needs no webhook secret to search.
 */
export type ConfigPurpose = 'run' | 'read';

export interface LoadOptions {
  /** @default 'run' */
  purpose?: ConfigPurpose;
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${errorMessage(error)}`);
  }
  return parseConfigText(source, path, env, options);
}

/** Parses YAML (or JSON, which YAML accepts; `.json` files are parsed strictly as JSON). */
export function parseConfigText(text: string, label: string, env = process.env, options: LoadOptions = {}): Config {
  let raw: unknown;
  try {
    raw = extname(label) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`config ${label} is not valid ${extname(label) === '.json' ? 'JSON' : 'YAML'}: ${errorMessage(error)}`);
  }
  const unused: KeyPath[] = [];
  const unresolved = options.purpose === 'read' ? (path: KeyPath, name: string) => unused.push(unusedSection(path, name)) : failUnresolved;
  const expanded = expandEnv(raw ?? {}, env, [], unresolved);
  return validateConfig(dropSections(expanded, unused), label);
}

export function validateConfig(raw: unknown, label = 'config'): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new UsageError(`invalid config ${label}:\n${formatIssues(result.error.issues)}`);
  return result.data;
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      const keys = issue.code === 'unrecognized_keys' ? ` (unknown key: ${issue.keys.join(', ')})` : '';
      return `  - ${where}: ${issue.message}${keys}`;
    })
    .join('\n');
}

type KeyPath = (string | number)[];

/** What to do with a `${VAR}` whose variable is not set, at a key path. */
type Unresolved = (path: KeyPath, name: string) => void;

function failUnresolved(path: KeyPath, name: string): never {
  throw new UsageError(`invalid config: ${path.join('.') || '(top level)'}: environment variable ${name} is not set`);
}

/** The section a read command never uses that holds `path` (top level or per source); other paths fail. */
function unusedSection(path: KeyPath, name: string): KeyPath {
  if (path[0] === 'sinks') return ['sinks'];
  if (isAccessKey(path[0])) return [path[0]!];
  if (path[0] === 'sources' && isAccessKey(path[2])) return path.slice(0, 3);
  return failUnresolved(path, name);
}

const ACCESS_KEYS = new Set(['proxy', 'headers', 'cookies']);

function isAccessKey(key: string | number | undefined): boolean {
  return typeof key === 'string' && ACCESS_KEYS.has(key);
}

/** Replaces `${VAR}` in every string; a variable that is not set is handled by `unresolved`. */
function expandEnv(value: unknown, env: NodeJS.ProcessEnv, path: KeyPath, unresolved: Unresolved): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string) => {
      const replacement = env[name];
      if (replacement !== undefined) return replacement;
      unresolved(path, name);
      return match;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandEnv(item, env, [...path, index], unresolved));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandEnv(item, env, [...path, key], unresolved)]));
  }
  return value;
}

/** The config without the given sections (key paths into objects and arrays). */
function dropSections(config: unknown, sections: KeyPath[]): unknown {
  for (const section of sections) {
    const parent = section.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], config);
    if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[section.at(-1)!];
  }
  return config;
}
