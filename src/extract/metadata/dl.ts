import type { Element } from '../dom.js';
import { elementChildren, textOf } from '../dom.js';
import { normalizeLabel } from '../labels.js';
import { cleanValue } from '../text.js';
import type { LabelPair } from './types.js';
import { stripValueChrome } from './values.js';

/** `<dl><dt>索引号：</dt><dd>…</dd>…</dl>`: each dt labels the dd elements that follow it. */
export function readDefinitionList(dl: Element): LabelPair[] {
  const pairs: LabelPair[] = [];
  let current: LabelPair | null = null;
  for (const child of elementChildren(dl)) {
    if (child.name === 'dt') {
      if (current) pairs.push(current);
      current = { label: normalizeLabel(textOf(child)), value: '', rule: 'dl:dt-dd' };
    } else if (child.name === 'dd' && current) {
      const value = stripValueChrome(cleanValue(textOf(child)));
      current.value = current.value ? `${current.value} ${value}` : value;
    }
  }
  if (current) pairs.push(current);
  return pairs.filter((p) => p.label !== '');
}
