import type { Config, SourceConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { RobotsCache, type RobotsCacheOptions } from './robots.js';
import { createSiteFetch, type SiteFetch } from './site-fetch.js';
import { isPlainAccess, redactProxyUrl, resolveSiteAccess, siteAccessKey, type SiteAccess } from './site-access.js';

/** A source's access options: the top-level defaults with the source's own merged over them. */
export function siteAccessOf(config: Config, source: SourceConfig): SiteAccess {
  return resolveSiteAccess(
    { proxy: config.proxy, headers: config.headers, cookies: config.cookies, tls: config.tls },
    { proxy: source.proxy, headers: source.headers, cookies: source.cookies, tls: source.tls },
  );
}

/**
 * The run's robots.txt caches, one per way of reaching sites: sources reached alike share rules
 * per origin, while a source behind a proxy reads robots.txt through that proxy too. Sources with
 * no access options share the plain cache, fetched with the global fetch as before.
 */
export class RunAccess {
  private readonly caches = new Map<string, RobotsCache>();
  private readonly fetchers: SiteFetch[] = [];

  constructor(private readonly robotsOptions: RobotsCacheOptions) {}

  robotsFor(access: SiteAccess): RobotsCache {
    const key = isPlainAccess(access) ? 'plain' : siteAccessKey(access);
    let cache = this.caches.get(key);
    if (!cache) {
      const siteFetch = key === 'plain' ? undefined : createSiteFetch(access);
      if (siteFetch) this.fetchers.push(siteFetch);
      cache = new RobotsCache({ ...this.robotsOptions, fetch: siteFetch?.fetch });
      this.caches.set(key, cache);
    }
    return cache;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.fetchers.map((siteFetch) => siteFetch.close()));
  }
}

/**
 * Said once per run, at its start: which sources skip certificate checks, and which go through a
 * proxy (credentials never shown).
 */
export function logAccessChoices(log: Logger, config: Config, sources: SourceConfig[]): void {
  const insecure = sources.filter((source) => siteAccessOf(config, source).tls.insecure).map((source) => source.id);
  if (insecure.length > 0) {
    log.warn({ sources: insecure }, `tls.insecure: certificates are not verified for ${insecure.join(', ')}; pages could come from an impostor`);
  }
  for (const source of sources) {
    const { proxy } = siteAccessOf(config, source);
    if (proxy) log.info({ source: source.id, via: redactProxyUrl(proxy) }, 'requests go through a proxy');
  }
}
