import { constants } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessFailureReason, classifyAccessFailure } from '../../src/fetch/access-errors.js';
import { CrawleeFetcher } from '../../src/fetch/crawlee-fetcher.js';
import type { FetchResult } from '../../src/fetch/types.js';
import { gotAccess } from '../../src/fetch/got-access.js';
import { resolveSiteAccess } from '../../src/fetch/site-access.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { writeConfig } from '../helpers/config.js';
import { crawlHarness, serveColumn, storedUrls } from '../helpers/crawl.js';
import { startTestSite, tlsFixture, type TestSite } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

let site: TestSite;
afterEach(async () => {
  await site.close();
});

function httpsSource(tls?: Record<string, unknown>): Record<string, unknown> {
  return { id: 'tls-site', startUrls: [`${site.baseUrl}/col/index.html`], ...(tls ? { tls } : {}) };
}

describe('TLS options', () => {
  it('fails on a chain it cannot verify, naming the error and the fix; passes with tls.ca and with tls.insecure', async () => {
    site = await startTestSite({ tls: 'leaf' });
    // The second document is disallowed by robots.txt, which must be read over the same TLS options.
    const documents = serveColumn(site).filter((url) => !url.includes('/art/2024/1/3/'));
    site.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /art/2024/1/3/\n', headers: { 'content-type': 'text/plain' } });

    const strict = crawlHarness({ sources: [httpsSource()] });
    const { summary: failed, log: strictLog } = await strict.crawl();
    expect(storedUrls(strict.db)).toEqual([]);
    const [failure] = failed.accessFailures['tls-site'] ?? [];
    expect(failure?.reason).toBe('certificate');
    // robots.txt is read first, the same way as the pages: there the certificate stops the source.
    expect(failure?.message).toBe(
      `robots.txt unreachable, column not read: certificate verify failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE) for ${site.baseUrl}/robots.txt: add the site's CA with tls.ca, or tls.insecure: true`,
    );
    expect(strictLog.text()).toContain('"reason":"certificate"');

    const withCa = crawlHarness({ sources: [httpsSource({ ca: tlsFixture('ca.pem') })] });
    const { summary: passed } = await withCa.crawl();
    expect(storedUrls(withCa.db)).toEqual(documents);
    expect(passed.accessFailures).toEqual({});

    const insecure = crawlHarness({ extra: { tls: { insecure: true } }, sources: [httpsSource()] });
    const { log: insecureLog } = await insecure.crawl();
    expect(storedUrls(insecure.db)).toEqual(documents);
    const warnings = insecureLog.lines.filter((line) => JSON.stringify(line).includes('tls.insecure'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, sources: ['tls-site'] });
    // Read once per run where the TLS options let it through (not in the strict run).
    expect(site.requests.filter((request) => request.path === '/robots.txt')).toHaveLength(2);
  });

  it('accepts a self-signed certificate given as tls.ca, and names DEPTH_ZERO_SELF_SIGNED_CERT without it', async () => {
    site = await startTestSite({ tls: 'self-signed' });
    const documents = serveColumn(site);

    const strict = crawlHarness({ sources: [httpsSource()] });
    const { summary: failed } = await strict.crawl();
    expect(failed.accessFailures['tls-site']?.[0]?.message).toMatch(
      /certificate verify failed \(DEPTH_ZERO_SELF_SIGNED_CERT\) for https:.*tls\.ca, or tls\.insecure: true$/,
    );

    const withCa = crawlHarness({ extra: { tls: { ca: tlsFixture('ca.pem') } }, sources: [httpsSource({ ca: tlsFixture('self-signed.pem') })] });
    await withCa.crawl();
    expect(storedUrls(withCa.db)).toEqual(documents);
  });

  it('verifies certificates on page fetches too (Crawlee alone would accept any), unless told otherwise', async () => {
    site = await startTestSite({ tls: 'leaf' });
    site.routes.set('/page.html', { body: '<html><body>ok</body></html>' });
    const fetchOnce = async (tls?: Record<string, unknown>): Promise<FetchResult> => {
      const results: FetchResult[] = [];
      const fetcher = new CrawleeFetcher({
        userAgent: 'bureau-watch/test',
        maxRequestsPerMinute: 6000,
        maxConcurrency: 1,
        timeoutSecs: 5,
        maxBodyBytes: 100_000,
        maxRetries: 0,
        retryBackoffMs: 10,
        maxRequests: 5,
        access: resolveSiteAccess({ tls }),
      });
      await fetcher.run([{ url: `${site.baseUrl}/page.html`, kind: 'start' }], async (result) => void results.push(result));
      return results[0]!;
    };

    const strict = await fetchOnce();
    expect(strict.ok).toBe(false);
    expect(strict.ok ? undefined : accessFailureReason(strict.error)).toBe('certificate');
    expect(strict.ok ? '' : strict.error.message).toBe(
      `certificate verify failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE) for ${site.baseUrl}/page.html: add the site's CA with tls.ca, or tls.insecure: true`,
    );
    expect(await fetchOnce({ ca: tlsFixture('ca.pem') })).toMatchObject({ ok: true, status: 200 });
    expect(await fetchOnce({ insecure: true })).toMatchObject({ ok: true, status: 200 });
  });

  it('names a server that does not speak TLS as a handshake failure', async () => {
    site = await startTestSite();
    serveColumn(site);
    const h = crawlHarness({ sources: [{ id: 'plain', startUrls: [`${site.baseUrl.replace('http:', 'https:')}/col/index.html`] }] });
    const { summary } = await h.crawl();
    const [failure] = summary.accessFailures.plain ?? [];
    expect(failure?.reason).toBe('tls-handshake');
    expect(failure?.message).toContain("check the URL's scheme and port");
  });

  it('sets SSL_OP_LEGACY_SERVER_CONNECT for tls.legacyRenegotiation and names the option when OpenSSL refuses a server', () => {
    const lenient = gotAccess(resolveSiteAccess({ tls: { legacyRenegotiation: true } }), []);
    expect((lenient.options.https as { secureOptions?: number }).secureOptions).toBe(constants.SSL_OP_LEGACY_SERVER_CONNECT);
    expect((gotAccess(resolveSiteAccess(), []).options.https as { secureOptions?: number }).secureOptions).toBeUndefined();

    // OpenSSL 3's words for a server without RFC 5746 (no loopback server can be made to lack it).
    const error = Object.assign(new Error('write EPROTO 40E7:error:0A000152:SSL routines:final_renegotiate:unsafe legacy renegotiation disabled'), {
      code: 'EPROTO',
    });
    const failure = classifyAccessFailure(error, 'https://old.example.gov.cn/', {});
    expect(failure).toEqual({ reason: 'tls-handshake', message: expect.stringContaining('set tls.legacyRenegotiation: true') });
  });
});

/** What the CLI says of TLS options: a certificate failure under the crawl summary, a CA file it cannot read at load. */
describe('TLS options on the command line (the crawl command, in process)', () => {
  it('prints the failure with its fix under the crawl summary', async () => {
    site = await startTestSite({ tls: 'leaf' });
    serveColumn(site);
    const { configPath } = writeConfig(tempDir(), { sources: [httpsSource()] });

    const result = await runCliInProcess(['crawl', '--config', configPath]);

    // The source read nothing: the run fails (exit 1), and the summary names the fix.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `tls-site: 1 × certificate: robots.txt unreachable, column not read: certificate verify failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE) for ${site.baseUrl}/robots.txt: add the site's CA with tls.ca, or tls.insecure: true`,
    );
  });

  it('exits 2 with the key path when the CA file cannot be read', async () => {
    const dir = tempDir();
    const configPath = join(dir, 'config.yaml');
    const source = 'id: s\n    startUrls: ["http://127.0.0.1:9/col/index.html"]';
    writeFileSync(configPath, `database: ${join(dir, 'a.db')}\nsources:\n  - ${source}\n    tls: { ca: ${join(dir, 'missing.pem')} }\n`);
    const result = await runCliInProcess(['crawl', '--config', configPath]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sources.0.tls.ca: cannot read CA file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
