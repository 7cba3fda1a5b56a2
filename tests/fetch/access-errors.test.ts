import { describe, expect, it } from 'vitest';
import { accessError, accessFailureReason, classifyAccessFailure, classifyStatusFailure } from '../../src/fetch/access-errors.js';
import { FailureTally } from '../../src/fetch/failure-tally.js';

const URL_ = 'https://www.example.gov.cn/col/col1/index.html';
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('access failure classes', () => {
  it.each([
    [coded('getaddrinfo ENOTFOUND www.example.gov.cn', 'ENOTFOUND'), {}, 'dns', /host name not found \(ENOTFOUND\).*needs proxy/],
    [new Error('page.goto: net::ERR_NAME_NOT_RESOLVED at https://www.example.gov.cn/'), {}, 'dns', /host name not found/],
    [
      new Error('page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://www.example.gov.cn/'),
      {},
      'certificate',
      /\(ERR_CERT_AUTHORITY_INVALID\).*tls\.ca, or tls\.insecure: true/,
    ],
    [coded('certificate has expired', 'CERT_HAS_EXPIRED'), {}, 'certificate', /\(CERT_HAS_EXPIRED\).*set tls\.insecure: true \(a CA cannot fix this\)/],
    [coded('read ECONNRESET', 'ECONNRESET'), {}, 'connection-reset', /connection reset \(ECONNRESET\)/],
    [
      coded('connect ECONNREFUSED 127.0.0.1:3128', 'ECONNREFUSED'),
      { proxy: 'http://u:secret-pw@127.0.0.1:3128' },
      'proxy-refused',
      /^proxy http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:3128 refused or is unreachable \(ECONNREFUSED\)/,
    ],
    [
      new Error('Proxy responded with 403 Forbidden: 0 bytes.'),
      { proxy: 'http://127.0.0.1:3128' },
      'proxy-refused',
      /would not connect to .*Proxy responded with 403 Forbidden/,
    ],
    [
      new Error('Proxy responded with 407 Proxy Authentication Required: 0 bytes.'),
      { proxy: 'http://127.0.0.1:3128' },
      'proxy-auth',
      /asks for authentication \(HTTP 407\)/,
    ],
    [new Error('request timed out after 30 seconds.'), {}, 'timeout', /no answer in time .*fetch\.timeoutSecs/],
  ])('%s', (error, access, reason, message) => {
    const failure = classifyAccessFailure(error, URL_, access);
    expect(failure?.reason).toBe(reason);
    expect(failure?.message).toMatch(message);
    expect(failure?.message).not.toContain('secret-pw');
  });

  it("leaves what is no access problem alone, and names a 412 and a proxy's 407", () => {
    expect(classifyAccessFailure(new Error('body exceeds the limit'), URL_, {})).toBeUndefined();
    expect(classifyStatusFailure(404, URL_, {})).toBeUndefined();
    expect(classifyStatusFailure(412, URL_, {})?.reason).toBe('challenge');
    expect(classifyStatusFailure(407, URL_, {})).toBeUndefined(); // no proxy configured: the site's own answer
    expect(classifyStatusFailure(407, URL_, { proxy: 'http://127.0.0.1:1' })?.reason).toBe('proxy-auth');
  });

  it("keeps control characters of a server's words out of the message", () => {
    const failure = classifyAccessFailure(new Error('Proxy responded with 502 \u001b[2J\u001b]0;pwned\u0007'), URL_, { proxy: 'http://127.0.0.1:1' });
    expect(failure?.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it("tallies the classes of a source's failures for the run summary, most frequent first", () => {
    const tally = new FailureTally();
    for (const status of [412, 412, 407]) tally.note(accessError(classifyStatusFailure(status, URL_, { proxy: 'http://p:1' })!));
    expect(tally.counts().map(({ reason, count }) => [reason, count])).toEqual([
      ['challenge', 2],
      ['proxy-auth', 1],
    ]);
    expect(tally.main()?.reason).toBe('challenge');
    expect(accessFailureReason(new Error('x'))).toBeUndefined();
  });
});
