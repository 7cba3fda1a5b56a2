import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';

/** Hostile or mistyped config values: each is refused with a message naming the key and what was expected. */
const GOOD_SOURCE = 'id: ok\n    startUrls: ["http://127.0.0.1:9/col/col1/index.html"]';

const CASES: { name: string; yaml: string; message: RegExp }[] = [
  {
    name: 'negative rate',
    yaml: `sources:\n  - ${GOOD_SOURCE}\n    maxRequestsPerMinute: -5`,
    message: /sources\.0\.maxRequestsPerMinute: .*(>0|positive|greater)/i,
  },
  {
    name: 'fractional concurrency',
    yaml: `sources:\n  - ${GOOD_SOURCE}\n    maxConcurrencyPerHost: 1.5`,
    message: /sources\.0\.maxConcurrencyPerHost: .*int/i,
  },
  { name: 'number as text', yaml: 'fetch:\n  maxBodyBytes: "ten megabytes"', message: /fetch\.maxBodyBytes: .*number/i },
  { name: 'zero timeout', yaml: 'fetch:\n  timeoutSecs: 0', message: /fetch\.timeoutSecs: /i },
  { name: 'non-HTTP start URL', yaml: 'sources:\n  - id: ok\n    startUrls: ["file:///etc/passwd"]', message: /sources\.0\.startUrls\.0: /i },
  { name: 'no start URL', yaml: 'sources:\n  - id: ok\n    startUrls: []', message: /sources\.0\.startUrls: .*(1|least)/i },
  {
    name: 'source id with a quote',
    yaml: `sources:\n  - id: "x'; DROP TABLE documents; --"\n    startUrls: ["http://127.0.0.1:9/"]`,
    message: /sources\.0\.id: expected lowercase/i,
  },
  {
    name: 'invalid regex',
    yaml: `sources:\n  - ${GOOD_SOURCE}\n    exclude: ["(unclosed"]`,
    message: /sources\.0\.exclude\.0: expected a valid regular expression/i,
  },
  { name: 'unknown key (typo)', yaml: `sources:\n  - ${GOOD_SOURCE}\n    maxRequestPerMinute: 10`, message: /sources\.0.*unknown key: maxRequestPerMinute/i },
  { name: 'user agent without the product name', yaml: 'userAgent: "Mozilla/5.0"', message: /userAgent: must contain "bureau-watch"/i },
  { name: 'webhook to a non-HTTP URL', yaml: 'sinks:\n  - type: webhook\n    url: "ftp://hooks.example.org/x"', message: /sinks\.0\.url: /i },
  { name: 'unknown sink type', yaml: 'sinks:\n  - type: slack\n    to: a@b.c', message: /sinks\.0\.type: /i },
  { name: 'alert on an unknown event type', yaml: 'alerts:\n  - name: a\n    on: [document.deleted]', message: /alerts\.0\.on\.0: /i },
  {
    name: 'missing environment variable',
    yaml: 'sinks:\n  - type: webhook\n    url: "http://127.0.0.1:9/"\n    secret: ${BW_FAULT_TEST_UNSET_SECRET}',
    message: /sinks\.0\.secret: environment variable BW_FAULT_TEST_UNSET_SECRET is not set/,
  },
  {
    name: 'bad cron schedule',
    yaml: `sources:\n  - ${GOOD_SOURCE}\n    schedule: "every morning"`,
    message: /sources\.0\.schedule: expected a cron expression/,
  },
  { name: 'empty database path (would be a throw-away temporary database)', yaml: 'database: ""', message: /database: expected a file path/ },
  { name: 'sources not a list', yaml: 'sources: "all of them"', message: /sources: .*array/i },
  {
    name: 'cron that never fires (31 February)',
    yaml: `sources:\n  - ${GOOD_SOURCE}\n    schedule: "0 0 31 2 *"`,
    message: /sources\.0\.schedule: "0 0 31 2 \*" never comes due/,
  },
  { name: 'unknown time zone', yaml: 'scheduler:\n  timezone: Mars/Olympus', message: /scheduler\.timezone: expected an IANA time zone/ },
  { name: 'two alerts of one name', yaml: 'alerts:\n  - name: plan\n  - name: plan', message: /alerts\.1\.name: duplicate alert name "plan"/ },
  {
    name: 'start URL with a password',
    yaml: 'sources:\n  - id: ok\n    startUrls: ["http://u:secret@127.0.0.1:9/"]',
    message: /sources\.0\.startUrls\.0: expected a URL without user:password@/,
  },
];

describe('bad config values', () => {
  for (const testCase of CASES) {
    it(`refuses ${testCase.name} with the key path`, () => {
      let caught: unknown;
      try {
        parseConfigText(testCase.yaml, 'bad.yaml', {});
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toMatch(testCase.message);
    });
  }
});
