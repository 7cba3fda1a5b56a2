import type { AnyNode, Element, Text } from '../dom.js';
import { closestAncestor, containsNode, isElement, nextElementSibling, textOf } from '../dom.js';
import { canonicalLabel, fieldLabel } from '../labels.js';
import { visibleLength } from '../text.js';
import { readDefinitionList } from './dl.js';
import { readInlineBlock } from './inline.js';
import { readTable } from './table.js';
import type { LabelPair, PairGroup } from './types.js';

const INLINE_TAGS = new Set([
  'span', 'strong', 'b', 'font', 'em', 'i', 'u', 'label', 'a', 'small', 'big', 'sup', 'sub', 'ins',
  'cite', 'abbr', 'code', 'nobr', 's', 'strike', 'mark', 'bdo', 'q', 'tt',
]);
const CELL_TAGS = new Set(['td', 'th']);
const TABLE_TAGS = new Set(['table']);
const DT_TAGS = new Set(['dt']);
const DL_TAGS = new Set(['dl']);
const MAX_METADATA_CELL = 400;

/**
 * Groups the label text nodes the scan found by their container and reads each container once:
 * tables, definition lists, and inline blocks (grouped by their parent element). Hits inside
 * `skipInside` (the article body found by CMS markers) are body text, not metadata.
 */
export function findPairGroups(labelTexts: Text[], skipInside: AnyNode | null): PairGroup[] {
  const seen = new Set<Element>();
  const containerGroups: PairGroup[] = [];
  const inlineByParent = new Map<Element, Element[]>();
  for (const text of labelTexts) {
    if (skipInside && containsNode(skipInside, text)) continue;
    const cell = closestAncestor(text, CELL_TAGS, 6);
    const table = cell && visibleLength(textOf(cell)) <= MAX_METADATA_CELL ? closestAncestor(cell, TABLE_TAGS, 3) : null;
    const dl = table ? null : closestAncestor(text, DT_TAGS, 4) && closestAncestor(text, DL_TAGS, 5);
    const container = table ?? dl;
    if (container) {
      if (seen.has(container)) continue;
      seen.add(container);
      const pairs = table ? readTable(table) : readDefinitionList(container);
      containerGroups.push({ container, blocks: [container], pairs, kind: 'block' });
      continue;
    }
    const block = nearestBlock(text);
    if (!block || seen.has(block)) continue;
    seen.add(block);
    const parent = (block.parent && isElement(block.parent as AnyNode) ? block.parent : block) as Element;
    const list = inlineByParent.get(parent) ?? [];
    list.push(block);
    inlineByParent.set(parent, list);
  }
  const inlineGroups = [...inlineByParent.entries()].map(([parent, blocks]) => readInlineGroup(parent, blocks));
  return [...acceptContainers(containerGroups), ...inlineGroups.filter((g) => g.pairs.length > 0)];
}

function nearestBlock(text: Text): Element | null {
  let current = text.parent as AnyNode | null;
  while (current && isElement(current) && INLINE_TAGS.has(current.name)) current = current.parent as AnyNode | null;
  return current && isElement(current) && current.name !== 'body' && current.name !== 'html' ? current : null;
}

function readInlineGroup(parent: Element, blocks: Element[]): PairGroup {
  const pairs: LabelPair[] = [];
  const excluded: Element[] = [];
  for (const block of blocks) {
    const found = readInlineBlock(block, 'inline:label-colon');
    if (found.length === 0) continue;
    excluded.push(block);
    if (found.some((p) => p.rule === 'inline:name-value')) {
      const sibling = nextElementSibling(block);
      if (sibling) excluded.push(sibling);
    }
    pairs.push(...found);
  }
  const kind = canonicalKeyCount(pairs) >= 2 ? 'block' : 'line';
  const rule = kind === 'line' ? 'header:label-colon' : undefined;
  return { container: parent, blocks: excluded, pairs: rule ? pairs.map((p) => ({ ...p, rule })) : pairs, kind };
}

/**
 * A table or list is metadata when it names two canonical keys (a body table of 名称/数量 is not),
 * or one key right next to a table that does (gov.cn puts 主题词 in a table of its own).
 */
function acceptContainers(groups: PairGroup[]): PairGroup[] {
  const strong = groups.filter((g) => canonicalKeyCount(g.pairs) >= 2 && g.pairs.some((p) => p.value !== '' && canonicalLabel(p.label)));
  const near = new Set<AnyNode>();
  for (const g of strong) for (const a of ancestors(g.container, 3)) near.add(a);
  const weak = groups.filter((g) => !strong.includes(g) && canonicalKeyCount(g.pairs) >= 1 && ancestors(g.container, 3).some((a) => near.has(a)));
  return groups.filter((g) => strong.includes(g) || weak.includes(g));
}

function ancestors(node: AnyNode, levels: number): AnyNode[] {
  const out: AnyNode[] = [];
  for (let current = node.parent as AnyNode | null; current && out.length < levels; current = current.parent as AnyNode | null) out.push(current);
  return out;
}

function canonicalKeyCount(pairs: LabelPair[]): number {
  return new Set(pairs.map((p) => fieldLabel(p.label, p.rule)?.key).filter(Boolean)).size;
}
