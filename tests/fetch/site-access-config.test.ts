import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { siteAccessOf } from '../../src/fetch/run-access.js';
import { redactProxyUrl, redactSecrets, resolveSiteAccess } from '../../src/fetch/site-access.js';
import { siteAccessFromFlags } from '../../src/fetch/site-access-flags.js';
import { tlsFixture } from '../helpers/site.js';

const SOURCE = 'id: s\n    startUrls: ["http://127.0.0.1:9/col/index.html"]';

function refusal(yaml: string): string {
  try {
    parseConfigText(yaml, 'bad.yaml', {});
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('site access options in the config', () => {
  it.each([
    [
      'a proxy of an unknown scheme',
      `sources:\n  - ${SOURCE}\n    proxy: "ftp://proxy.example:21"`,
      /sources\.0\.proxy: expected a proxy URL: http:\/\/, https:\/\/ or socks5:\/\//,
    ],
    ['a missing CA file', 'tls:\n  ca: /nonexistent/ca.pem', /tls\.ca: cannot read CA file \/nonexistent\/ca\.pem: ENOENT/],
    ['a CA file that holds no certificate', `tls:\n  ca: ${tlsFixture('leaf-key.pem')}`, /tls\.ca: CA file .*leaf-key\.pem holds no PEM certificate/],
    [
      'a header value with a line break',
      'headers:\n  Referer: "http://a/\\r\\nX-Injected: 1"',
      /headers\.Referer: expected a header value without line breaks/,
    ],
    [
      'a User-Agent header without the product name',
      `sources:\n  - ${SOURCE}\n    headers: { User-Agent: "Mozilla/5.0" }`,
      /sources\.0\.headers: a User-Agent header must contain "bureau-watch"/,
    ],
    ['a cookie value with a semicolon', `sources:\n  - ${SOURCE}\n    cookies: { token: "a; admin=1" }`, /sources\.0\.cookies\.token: expected a cookie value/],
    ['an unknown tls key', `sources:\n  - ${SOURCE}\n    tls: { insecure: true, verify: false }`, /sources\.0\.tls.*unknown key: verify/],
    ['a fetch mode that does not exist', `sources:\n  - ${SOURCE}\n    fetch: curl`, /sources\.0\.fetch: /],
    [
      'a listApi without a page placeholder',
      `sources:\n  - ${SOURCE}\n    listApi: { url: "http://127.0.0.1:9/api", links: "data[*].url" }`,
      /sources\.0\.listApi\.url: expected a URL template with a \{page\} placeholder/,
    ],
    [
      'a listApi path with a script filter',
      `sources:\n  - ${SOURCE}\n    listApi: { url: "http://127.0.0.1:9/api?p={page}", links: "$..[?(@.x)]" }`,
      /sources\.0\.listApi\.links: expected a JSON path/,
    ],
  ])('refuses %s, naming the key', (_name, yaml, message) => {
    expect(refusal(yaml)).toMatch(message);
  });

  it("merges the top-level defaults with a source's own options key by key", () => {
    const config = parseConfigText(
      [
        'proxy: http://user:${PW}@proxy.example:3128',
        'headers: { Accept-Language: zh-CN, Referer: "http://default/" }',
        'cookies: { a: "1", b: "2" }',
        `tls: { ca: ${tlsFixture('ca.pem')} }`,
        'sources:',
        `  - ${SOURCE}`,
        '    headers: { referer: "http://mine/" }',
        '    cookies: { b: "3" }',
        '    tls: { insecure: true }',
      ].join('\n'),
      'ok.yaml',
      { PW: 'pa ss' },
    );

    expect(siteAccessOf(config, config.sources[0]!)).toEqual({
      proxy: 'http://user:pa ss@proxy.example:3128',
      headers: { 'accept-language': 'zh-CN', referer: 'http://mine/' },
      cookies: { a: '1', b: '3' },
      tls: { insecure: true, ca: tlsFixture('ca.pem'), legacyRenegotiation: false },
    });
  });

  it('takes the same options as command-line flags, refused by the same rules', () => {
    const options = siteAccessFromFlags({
      proxy: 'socks5://u:p@127.0.0.1:1080',
      header: ['Referer: http://a/x', 'Accept-Language: zh-CN'],
      cookie: ['token=ok'],
      insecure: true,
    });
    expect(resolveSiteAccess(options)).toEqual({
      proxy: 'socks5://u:p@127.0.0.1:1080',
      headers: { referer: 'http://a/x', 'accept-language': 'zh-CN' },
      cookies: { token: 'ok' },
      tls: { insecure: true, ca: undefined, legacyRenegotiation: false },
    });
    expect(() => siteAccessFromFlags({ header: ['no separator'] })).toThrow(/^--header: expected "Name: value", got "no separator"$/);
    expect(() => siteAccessFromFlags({ proxy: 'ftp://x' })).toThrow(/^--proxy: expected a proxy URL/);
    expect(() => siteAccessFromFlags({ ca: '/nonexistent.pem' })).toThrow(/^--ca: cannot read CA file/);
    expect(() => siteAccessFromFlags({ header: ['User-Agent: curl/8'] })).toThrow(/^--header: a User-Agent header must contain "bureau-watch"/);
  });

  it('never shows proxy credentials', () => {
    const proxy = 'http://crawler:p%40ss-word@proxy.example:3128';
    expect(redactProxyUrl(proxy)).toBe('http://***:***@proxy.example:3128');
    const text = `failed via ${proxy}; auth crawler:p@ss-word rejected, raw p%40ss-word`;
    expect(redactSecrets(text, { proxy })).toBe('failed via http://***:***@proxy.example:3128; auth ***:*** rejected, raw ***');
  });
});
