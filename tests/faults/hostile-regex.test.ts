import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Config regexes are matched with RE2 (linear time); what RE2 cannot do is refused at load, also on the
 * command line (run in process). A crawl of the compiled CLI over hostile strings: hostile-regex.process.test.ts.
 */
describe('config regexes RE2 cannot match in linear time', () => {
  const SOURCE = 'sources:\n  - id: ok\n    startUrls: ["http://127.0.0.1:9/col/col1/index.html"]\n';
  const CASES = [
    { name: 'a backreference in exclude', yaml: `${SOURCE}    exclude: ["(a+)\\\\1"]`, message: /sources\.0\.exclude\.0: .*backreference/ },
    { name: 'lookahead in include', yaml: `${SOURCE}    include: ["/art/(?!old)"]`, message: /sources\.0\.include\.0: .*lookahead/ },
    { name: 'lookbehind in titlePattern', yaml: 'alerts:\n  - name: a\n    titlePattern: "(?<!草案)通知"', message: /alerts\.0\.titlePattern: .*lookbehind/ },
    {
      name: 'a named backreference in a field pattern',
      yaml: 'alerts:\n  - name: a\n    fields: { docNo: "(?<y>\\\\d+)\\\\k<y>" }',
      message: /alerts\.0\.fields\.docNo: .*named backreference/,
    },
    {
      name: 'a syntax error',
      yaml: `${SOURCE}    exclude: ["(unclosed"]`,
      message: /sources\.0\.exclude\.0: expected a valid regular expression \(RE2 syntax\): missing closing \)/,
    },
  ];
  for (const testCase of CASES) {
    it(`refuses ${testCase.name} at load, naming the key and why`, () => {
      const caught = (() => {
        try {
          parseConfigText(testCase.yaml, 'bad.yaml', {});
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toMatch(testCase.message);
    });
  }

  it('accepts JavaScript escapes RE2 spells otherwise (\\u4e00, \\/)', () => {
    const config = parseConfigText(`${SOURCE}    include: ["[\\\\u4e00-\\\\u9fa5]", "\\\\/art\\\\/"]`, 'ok.yaml', {});
    expect(config.sources[0]!.include).toHaveLength(2);
  });
});

describe('config regexes RE2 cannot match in linear time, on the command line (in process)', () => {
  it('exits 2 naming the key, without a stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yaml');
    writeFileSync(
      path,
      `database: ${join(dir, 'a.db')}\nsources:\n  - id: ok\n    startUrls: ["http://127.0.0.1:9/col/col1/index.html"]\n    exclude: ["(\\\\d+)\\\\1"]\n`,
    );
    const result = await runCliInProcess(['crawl', '--config', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/sources\.0\.exclude\.0: .*backreference/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
