import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { OPEN_MODULES, STAGES } from '../../eslint.config.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * The lint config's layer rules, run through ESLint's Node API on probe sources: a lower stage
 * importing a higher one is an error, the other way round is fine, and an import cycle is caught.
 * Probes are not files of the TypeScript project, so type-aware rules are off for them.
 */
const eslint = new ESLint({
  cwd: REPO_ROOT,
  ignore: false,
  overrideConfig: [{ files: ['**/__probe__.ts', 'tests/lint/fixtures/*.ts'], ...tseslint.configs.disableTypeChecked }],
});

async function problems(probePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, probePath) });
  return result!.messages.map((message) => `${message.ruleId ?? 'parser'}: ${message.message}`);
}

describe('layer boundaries', () => {
  it('catch a lower stage importing a higher one', async () => {
    const found = await problems('src/store/__probe__.ts', "import { Archive } from '../archive/archive.js';\nexport type Probe = Archive;\n");
    expect(found).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*stage "store" must not import from the later stage "archive"/)]);
  });

  it('catch it across many stages too, type-only imports included', async () => {
    const found = await problems('src/fetch/__probe__.ts', "import type { Command } from '../cli/context.js';\nexport type Probe = Command;\n");
    expect(found).toEqual([expect.stringMatching(/stage "fetch" must not import from the later stage "interface"/)]);
  });

  it('keep decisions out of the store, though compare and dedupe come earlier', async () => {
    const found = await problems(
      'src/store/__probe__.ts',
      "import { comparisonText } from '../compare/comparison-text.js';\nexport const probe = comparisonText;\n",
    );
    expect(found).toEqual([expect.stringMatching(/the store only persists/)]);
  });

  it('let a higher stage import a lower one, and anyone import the constants-only modules', async () => {
    expect(await problems('src/cli/__probe__.ts', "import { openDatabase } from '../store/database.js';\nexport const probe = openDatabase;\n")).toEqual([]);
    expect(await problems('src/config/__probe__.ts', "import { EVENT_TYPES } from '../events/event-types.js';\nexport const probe = EVENT_TYPES;\n")).toEqual(
      [],
    );
    expect(await problems('src/config/__probe__.ts', "import { publicEvent } from '../events/event.js';\nexport const probe = publicEvent;\n")).toEqual([
      expect.stringMatching(/stage "config" must not import from the later stage "events"/),
    ]);
  });

  it('keep src away from tests, benchmarks and scripts', async () => {
    const found = await problems('src/cli/__probe__.ts', "import { runCli } from '../../tests/helpers/cli.js';\nexport const probe = runCli;\n");
    expect(found).toEqual([expect.stringMatching(/src must not import tests, benchmarks or scripts/)]);
  });

  it('catch an import cycle', async () => {
    const [result] = await eslint.lintFiles([join(REPO_ROOT, 'tests/lint/fixtures/cycle-a.ts')]);
    expect(result!.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });

  it('name every folder and top-level file of src in exactly one stage', () => {
    const staged = STAGES.flatMap((stage) => stage.paths);
    expect(new Set(staged).size).toBe(staged.length);
    const entries = readdirSync(join(REPO_ROOT, 'src')).filter((entry) => !entry.endsWith('.d.ts'));
    expect(entries.filter((entry) => !staged.includes(entry))).toEqual([]);
    for (const module of OPEN_MODULES) expect(staged.some((path) => module.startsWith(`${path}/`))).toBe(true);
  });
});
