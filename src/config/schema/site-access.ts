/** Site access options (difficult sites): proxy, headers, cookies, TLS; top-level defaults, per-source overrides. */
import { z } from 'zod';
import { caFileProblem } from '../ca-file.js';

// Site access (difficult sites): set at the top level as defaults, per source to override them key by key.
const PROXY_PROTOCOLS = /^(https?|socks5h?):$/;
const proxyUrl = z.string().refine(isProxyUrl, {
  message: 'expected a proxy URL: http://, https:// or socks5://, e.g. http://user:${PROXY_PASSWORD}@proxy.example.cn:3128',
});
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headersRecord = z
  .record(z.string().regex(HEADER_NAME, 'expected an HTTP header name'), z.string().regex(/^[^\r\n\0]*$/, 'expected a header value without line breaks'))
  .refine((headers) => Object.entries(headers).every(([name, value]) => name.toLowerCase() !== 'user-agent' || value.includes('bureau-watch')), {
    message: 'a User-Agent header must contain "bureau-watch"',
  });
const cookiesRecord = z.record(
  z.string().regex(HEADER_NAME, 'expected a cookie name'),
  z.string().regex(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/, 'expected a cookie value (printable ASCII without spaces, quotes, ",", ";" or "\\")'),
);
const caFile = z
  .string()
  .min(1)
  .superRefine((path, ctx) => {
    const problem = caFileProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function tlsSchema(defaults: boolean) {
  const flag = (value: z.ZodBoolean) => (defaults ? value.default(false) : value.optional());
  return z.strictObject({
    insecure: flag(z.boolean()).describe('Skip certificate verification (expired, self-signed, wrong host); a warning is logged once per run.'),
    ca: caFile.optional().describe('PEM file of extra CA certificates (for an incomplete chain), added to the bundled ones; read and checked at load.'),
    legacyRenegotiation: flag(z.boolean()).describe('Allow servers without secure renegotiation (OpenSSL 3: "unsafe legacy renegotiation disabled").'),
  });
}

export const siteAccessDefaultsSchema = {
  proxy: proxyUrl.optional().describe('Proxy for every request of the sources (http, https, socks5); credentials via ${VAR}, redacted in logs.'),
  headers: headersRecord.default({}).describe('Extra request headers, e.g. Referer, Accept-Language (a User-Agent must keep "bureau-watch").'),
  cookies: cookiesRecord.default({}).describe("Cookies (name → value) sent to the sources' start hosts."),
  tls: tlsSchema(true).default({ insecure: false, legacyRenegotiation: false }).describe('TLS leniency for difficult servers.'),
};

export const siteAccessSourceSchema = {
  proxy: proxyUrl.optional().describe('Proxy for this source (default: the top-level `proxy`).'),
  headers: headersRecord.optional().describe('Headers for this source, merged over the top-level `headers` by name.'),
  cookies: cookiesRecord.optional().describe('Cookies for this source, merged over the top-level `cookies` by name.'),
  tls: tlsSchema(false).optional().describe('TLS options for this source, merged over the top-level `tls` key by key.'),
};

/** The site access options alone, as a command's flags give them (`try URL`): the source-level rules. */
export const siteAccessOptionsSchema = z.strictObject(siteAccessSourceSchema);

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return PROXY_PROTOCOLS.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}
