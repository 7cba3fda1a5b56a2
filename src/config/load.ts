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

export function loadConfigFile(path: string, env = process.env): Config {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${errorMessage(error)}`);
  }
  return parseConfigText(source, path, env);
}

/** Parses YAML (or JSON, which YAML accepts; `.json` files are parsed strictly as JSON). */
export function parseConfigText(text: string, label: string, env = process.env): Config {
  let raw: unknown;
  try {
    raw = extname(label) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UsageError(`config ${label} is not valid ${extname(label) === '.json' ? 'JSON' : 'YAML'}: ${errorMessage(error)}`);
  }
  return validateConfig(expandEnv(raw ?? {}, env, []), label);
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

/** Replaces `${VAR}` in every string; a variable that is not set is a config error naming the key path. */
function expandEnv(value: unknown, env: NodeJS.ProcessEnv, path: (string | number)[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const replacement = env[name];
      if (replacement === undefined) {
        throw new UsageError(`invalid config: ${path.join('.') || '(top level)'}: environment variable ${name} is not set`);
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => expandEnv(item, env, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandEnv(item, env, [...path, key])]));
  }
  return value;
}
