import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';

const SOURCE = `
sources:
  - id: binhu-edu
    name: 无锡市滨湖区教育局
    startUrls: ["https://www.example.gov.cn/col/col1001/index.html"]
`;

function configError(text: string, env: NodeJS.ProcessEnv = {}, label = 'test.yaml'): string {
  try {
    parseConfigText(text, label, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a config error');
}

describe('config', () => {
  it('fills defaults for everything not given', () => {
    const config = parseConfigText(SOURCE, 'test.yaml', {});
    expect(config.database).toBe('storage/bureau-watch.db');
    expect(config.storageDir).toBe('storage');
    expect(config.userAgent).toContain('bureau-watch');
    expect(config.sources[0]).toMatchObject({ id: 'binhu-edu', schedule: '0 7 * * *', maxRequestsPerMinute: 30, include: [], exclude: [] });
    expect(config.sinks).toEqual([]);
  });

  it('rejects an unknown key, naming its path', () => {
    const message = configError(`${SOURCE}    maxRequestPerMinute: 10\n`);
    expect(message).toContain('sources.0');
    expect(message).toContain('maxRequestPerMinute');
  });

  it('rejects a bad source id and a user agent without bureau-watch', () => {
    expect(configError(SOURCE.replace('binhu-edu', 'Binhu Edu'))).toContain('sources.0.id');
    expect(configError(`userAgent: curl/8\n${SOURCE}`)).toContain('userAgent');
  });

  it('rejects duplicate source ids', () => {
    const twice = `${SOURCE}  - id: binhu-edu\n    startUrls: ["https://b.example/"]\n`;
    expect(configError(twice)).toContain('duplicate source id');
  });

  it('expands ${VAR} from the environment and fails on a missing one with its key path', () => {
    const text = `${SOURCE}sinks:\n  - type: webhook\n    url: https://hooks.example.org/x\n    secret: \${HOOK_SECRET}\n`;
    const config = parseConfigText(text, 'test.yaml', { HOOK_SECRET: 's3cret' });
    expect(config.sinks[0]).toMatchObject({ type: 'webhook', secret: 's3cret' });
    expect(configError(text, {})).toMatch(/sinks\.0\.secret.*HOOK_SECRET/);
  });

  it('for a read command, a missing variable in sinks or site access drops that section; elsewhere it still fails', () => {
    const text = `${SOURCE}    proxy: http://u:\${PROXY_PW}@127.0.0.1:3128\nsinks:\n  - type: webhook\n    url: https://hooks.example.org/x\n    secret: \${HOOK_SECRET}\nheaders:\n  X-Token: \${TOKEN}\n`;
    const config = parseConfigText(text, 'test.yaml', {}, { purpose: 'read' });
    expect(config.sinks).toEqual([]);
    expect(config.headers).toEqual({});
    expect(config.sources[0]!.proxy).toBeUndefined();
    expect(configError(text, {})).toMatch(/sources\.0\.proxy: environment variable PROXY_PW is not set/);
    expect(() => parseConfigText('database: ${ARCHIVE}/x.db\n', 'test.yaml', {}, { purpose: 'read' })).toThrow(
      /database: environment variable ARCHIVE is not set/,
    );
    // A set variable is used, and an invalid sink is still reported to a read command.
    expect(() => parseConfigText('sinks:\n  - type: webhook\n    url: ${URL}\n', 'test.yaml', { URL: 'not a url' }, { purpose: 'read' })).toThrow(
      /sinks\.0\.url/,
    );
  });

  it('accepts JSON config files', () => {
    const config = parseConfigText(JSON.stringify({ database: 'x.db', sources: [] }), 'c.json', {});
    expect(config.database).toBe('x.db');
    expect(configError('{ not json', {}, 'c.json')).toContain('not valid JSON');
  });

  it('rejects an invalid regex in include', () => {
    expect(configError(`${SOURCE}    include: ["(unclosed"]\n`)).toContain('sources.0.include.0');
  });
});

describe('bundled config files', () => {
  it('config/sources.yaml and config/example.yaml are valid', async () => {
    const { loadConfigFile } = await import('../../src/config/load.js');
    expect(loadConfigFile('config/sources.yaml', {}).sources).toEqual([]);
    const example = loadConfigFile('config/example.yaml', { BUREAU_WATCH_WEBHOOK_SECRET: 'x' });
    expect(example.sources.map((source) => source.id)).toEqual(['binhu-edu']);
    expect(example.alerts.map((alert) => alert.name)).toEqual(['new-plan', 'repealed']);
  });
});
