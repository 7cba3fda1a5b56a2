import type { Config, SourceConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { AccessFailure } from './access-errors.js';
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

interface AccessRoute {
  robots: RobotsCache;
  siteFetch: SiteFetch;
}

/**
 * The run's robots.txt caches, one per way of reaching sites: sources reached alike share rules
 * per origin, while a source behind a proxy reads robots.txt through that proxy too. A robots.txt
 * that could not be reached leaves the source unread; its classified failure is kept so the run
 * summary can say why (a certificate, a proxy …).
 */
export class RunAccess {
  private readonly routes = new Map<string, AccessRoute>();

  constructor(private readonly robotsOptions: RobotsCacheOptions) {}

  robotsFor(access: SiteAccess): RobotsCache {
    return this.route(access).robots;
  }

  /** Why robots.txt of this URL's origin could not be read the way `access` reaches it, if it failed. */
  robotsFailure(access: SiteAccess, url: string): AccessFailure | undefined {
    return this.route(access).siteFetch.failureFor(url);
  }

  /** The fetch for requests made outside Crawlee (attachments), reaching sites the way `access` says. */
  siteFetchFor(access: SiteAccess): SiteFetch {
    return this.route(access).siteFetch;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.routes.values()].map((route) => route.siteFetch.close()));
  }

  private route(access: SiteAccess): AccessRoute {
    const key = isPlainAccess(access) ? 'plain' : siteAccessKey(access);
    let route = this.routes.get(key);
    if (!route) {
      const siteFetch = createSiteFetch(access);
      route = { siteFetch, robots: new RobotsCache({ ...this.robotsOptions, fetch: siteFetch.fetch }) };
      this.routes.set(key, route);
    }
    return route;
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
