import { siteAccessOptionsSchema } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { SiteAccessOptions } from './site-access.js';

/**
 * The site access options as command-line flags, for commands that fetch without a config
 * (`try URL`): `--proxy URL`, `--header "Name: value"` and `--cookie name=value` (repeatable),
 * `--insecure`, `--ca FILE`, `--legacy-renegotiation`. Checked by the config's own rules, so a
 * flag is refused exactly where the same key in the config would be (exit 2, naming the flag).
 */

export interface SiteAccessFlags {
  proxy?: string;
  header?: string[];
  cookie?: string[];
  insecure?: boolean;
  ca?: string;
  legacyRenegotiation?: boolean;
}

const FLAG_NAMES: Record<string, string> = {
  proxy: '--proxy',
  headers: '--header',
  cookies: '--cookie',
  insecure: '--insecure',
  ca: '--ca',
  legacyRenegotiation: '--legacy-renegotiation',
};

export function siteAccessFromFlags(flags: SiteAccessFlags): SiteAccessOptions {
  const tls = { insecure: flags.insecure || undefined, ca: flags.ca, legacyRenegotiation: flags.legacyRenegotiation || undefined };
  const raw = {
    proxy: flags.proxy,
    headers: flags.header?.length ? pairs(flags.header, ':', '--header', 'Name: value') : undefined,
    cookies: flags.cookie?.length ? pairs(flags.cookie, '=', '--cookie', 'name=value') : undefined,
    tls: Object.values(tls).some((value) => value !== undefined) ? tls : undefined,
  };
  const result = siteAccessOptionsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path.at(-1) ?? '');
  const flag = FLAG_NAMES[key] ?? FLAG_NAMES[String(issue.path[0])] ?? key;
  throw new UsageError(`${flag}: ${issue.message}`);
}

function pairs(values: string[], separator: string, flag: string, shape: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf(separator);
    if (at <= 0) throw new UsageError(`${flag}: expected "${shape}", got "${value.slice(0, 60)}"`);
    record[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  }
  return record;
}
