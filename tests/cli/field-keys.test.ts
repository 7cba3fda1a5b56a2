import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/cli/config-checks.js';
import { canonicalFieldKey, parseFieldOption } from '../../src/cli/field-keys.js';
import { parseConfigText } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';

describe('field keys as people type them', () => {
  it('maps the labels pages show (simplified, traditional, with spaces or a colon) to canonical keys', () => {
    expect(canonicalFieldKey('validity')).toEqual({ key: 'validity' });
    for (const label of ['效力状况', '效力狀況', '效力 状况：', '有效性']) expect(canonicalFieldKey(label).key, label).toBe('validity');
    expect(canonicalFieldKey('发布机构').key).toBe('publisher');
    expect(canonicalFieldKey('文号').key).toBe('docNo');
  });

  it('refuses anything else, suggesting the key a wrong case meant', () => {
    expect(canonicalFieldKey('IndexNo').problem).toContain('did you mean "indexNo"?');
    expect(canonicalFieldKey('浏览次数').problem).toContain('unknown field "浏览次数"');
    expect(parseFieldOption('效力状况=失效')).toEqual(['validity', '失效']);
    expect(parseFieldOption('docNo=滨教〔2021〕1号=附')).toEqual(['docNo', '滨教〔2021〕1号=附']);
    expect(() => parseFieldOption('validity')).toThrow(UsageError);
  });

  it('an alert rule written with two labels of one field is refused', () => {
    const config = parseConfigText('alerts:\n  - name: a\n    fields: { 效力状况: 失效, validity: 有效 }\n', 'c.yaml', {});
    expect(() => checkConfig(config, 'c.yaml')).toThrow(/alerts\.0\.fields\.validity: the field validity is already given/);
  });
});
