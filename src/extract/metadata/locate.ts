import type { AnyNode, Element, Text } from '../dom.js';
import { closestAncestor, isElement, nextElementSibling, textOf } from '../dom.js';
import { canonicalLabel, fieldLabel, isKnownLabel, isPlaceholder } from '../labels.js';
import { visibleLength } from '../text.js';
import { readDefinitionList } from './dl.js';
import { readInlineBlock } from './inline.js';
import { readTable } from './table.js';
import type { LabelPair, PairGroup } from './types.js';

const INLINE_TAGS = new Set([
  'span',
  'strong',
  'b',
  'font',
  'em',
  'i',
  'u',
  'label',
  'a',
  'small',
  'big',
  'sup',
  'sub',
  'ins',
  'cite',
  'abbr',
  'code',
  'nobr',
  's',
  'strike',
  'mark',
  'bdo',
  'q',
  'tt',
]);
const CELL_TAGS = new Set(['td', 'th']);
const TABLE_TAGS = new Set(['table']);
const DT_TAGS = new Set(['dt']);
const DL_TAGS = new Set(['dl']);
const MAX_METADATA_CELL = 400;

/**
 * Groups the label text nodes the scan found by their container and reads each container once:
 * tables, definition lists, and inline blocks (grouped by their parent element). Hits inside
 * the article body a CMS marked (`inBody`) are body text, not metadata.
 */
export function findPairGroups(labelTexts: Text[], inBody: (text: Text) => boolean): PairGroup[] {
  const containers = new Map<Element, Text[]>();
  const inlineTexts: Text[] = [];
  for (const text of labelTexts) {
    if (inBody(text)) continue;
    const container = metadataContainer(text);
    if (!container) {
      inlineTexts.push(text);
      continue;
    }
    const texts = containers.get(container) ?? [];
    texts.push(text);
    containers.set(container, texts);
  }
  const candidates: PairGroup[] = [...containers.keys()].map((container) => ({
    container,
    blocks: [container],
    kind: 'block',
    pairs: container.name === 'table' ? readTable(container) : readDefinitionList(container),
  }));
  const accepted = acceptContainers(candidates);
  // A table that is no metadata block (a layout table holding a `发布日期：…` line) is read line by line.
  for (const group of candidates) if (!accepted.includes(group)) inlineTexts.push(...(containers.get(group.container) ?? []));
  const seen = new Set<Element>();
  const inlineBlocks: Element[] = [];
  for (const text of inlineTexts) {
    const block = nearestBlock(text);
    if (!block || seen.has(block)) continue;
    seen.add(block);
    inlineBlocks.push(block);
  }
  return [...accepted, ...readInlineBlocks(inlineBlocks)];
}

/** The table (label in a small cell) or definition list (label in a dt) a label belongs to. */
function metadataContainer(text: Text): Element | null {
  const cell = closestAncestor(text, CELL_TAGS, 6);
  if (cell) return visibleLength(textOf(cell)) <= MAX_METADATA_CELL ? closestAncestor(cell, TABLE_TAGS, 3) : null;
  return closestAncestor(text, DT_TAGS, 4) ? closestAncestor(text, DL_TAGS, 5) : null;
}

function nearestBlock(text: Text): Element | null {
  let current = text.parent as AnyNode | null;
  while (current && isElement(current) && INLINE_TAGS.has(current.name)) current = current.parent;
  return current && isElement(current) && current.name !== 'body' && current.name !== 'html' ? current : null;
}

/** How far up inline lines are looked at together: `div.meta > div.row > p`. */
const INLINE_GROUP_LEVELS = 3;
/** One line naming this many keys is a metadata block on its own (`索引号：… 发布机构：… 发布日期：…`). */
const KEYS_FOR_ONE_LINE_BLOCK = 3;
/** This many lines under one parent naming the same key are a list. */
const MIN_LIST_ITEMS = 3;

interface Neighbourhood {
  keys: Set<string>;
  lines: number;
}

/** An inline line that yielded pairs, with its canonical keys and the ancestors it is grouped under. */
interface InlineLine {
  block: Element;
  pairs: LabelPair[];
  keys: Set<string>;
  near: AnyNode[];
}

/**
 * Inline lines are a metadata block when lines near each other (sharing an ancestor within a few
 * levels) name two canonical keys, or one line names three. A lone `发布时间：… 分类：…` line is a
 * header line (a blog's 分类 is no disclosure category).
 */
function readInlineBlocks(blocks: Element[]): PairGroup[] {
  const read: InlineLine[] = blocks
    .map((block) => ({ block, pairs: readInlineBlock(block, 'inline:label-colon') }))
    .filter((r) => r.pairs.length > 0)
    .map((r) => ({ ...r, keys: fieldKeys(r.pairs), near: ancestors(r.block, INLINE_GROUP_LEVELS) }))
    .filter((r) => r.keys.size > 0 || isBylineLine(r.block));
  const around = new Map<AnyNode, Neighbourhood>();
  for (const { keys, near } of read) {
    for (const ancestor of near) {
      const hood = around.get(ancestor) ?? { keys: new Set<string>(), lines: 0 };
      for (const key of keys) hood.keys.add(key);
      if (keys.size > 0) hood.lines++;
      around.set(ancestor, hood);
    }
  }
  const lists = listParents(read);
  return withUnscannedLines(
    read.flatMap(({ block, pairs, keys, near }) => {
      // Lines repeating a key side by side are a list of other pages (`<li>…发布日期：…</li>`), not metadata.
      if (lists.has(block.parent)) return [];
      const inBlock =
        keys.size >= KEYS_FOR_ONE_LINE_BLOCK ||
        namesDisclosure(keys) ||
        near.some((a) => {
          const hood = around.get(a);
          return hood !== undefined && hood.lines >= 2 && hood.keys.size >= 2;
        });
      const excluded = [block];
      const sibling = pairs.some((p) => p.rule === 'inline:name-value') ? nextElementSibling(block) : null;
      if (sibling) excluded.push(sibling);
      const relabelled = inBlock ? pairs : pairs.map((p) => (p.rule === 'inline:label-colon' ? { ...p, rule: 'header:label-colon' } : p));
      return [{ container: block, blocks: excluded, pairs: relabelled, kind: inBlock ? ('block' as const) : ('line' as const) }];
    }),
  );
}

/**
 * The other lines of a metadata block: the scan looks for canonical labels only, so a block's
 * `信息类型：…` line is read here, when it sits right beside a line the scan found and holds a
 * known label. Every pair of the block is kept; a salutation after it (`各有关单位：`) is not one.
 */
function withUnscannedLines(groups: PairGroup[]): PairGroup[] {
  const taken = new Set<Element>(groups.flatMap((g) => g.blocks));
  const extra: PairGroup[] = [];
  const queue = groups.filter((g) => g.kind === 'block').map((g) => g.container);
  for (let line = queue.pop(); line; line = queue.pop()) {
    for (const neighbour of [previousElementSibling(line), nextElementSibling(line)]) {
      if (!neighbour || taken.has(neighbour) || !isBylineLine(neighbour)) continue;
      // Its own pairs only: a label-only line here is a tool or a tab (文件下载), not a name box.
      const pairs = readInlineBlock(neighbour, 'inline:label-colon', false).filter((p) => p.value !== '');
      if (!pairs.some((p) => isKnownLabel(p.label))) continue;
      extra.push({ container: neighbour, blocks: [neighbour], pairs, kind: 'block' });
      taken.add(neighbour);
      queue.push(neighbour);
    }
  }
  return [...groups, ...extra];
}

function previousElementSibling(el: Element): Element | null {
  for (let prev = el.prev; prev; prev = prev.prev) if (isElement(prev)) return prev;
  return null;
}

/** A line of byline labels only (`来源：… 作者：…`) is short and holds no sentence: prose quoting a 来源 is not one. */
const MAX_BYLINE_LINE = 120;

function isBylineLine(block: Element): boolean {
  const text = textOf(block);
  return visibleLength(text) <= MAX_BYLINE_LINE && !/[。！？]/.test(text);
}

/**
 * Keys a blog or news page never shows (文号, 成文日期, 索引号 …): one line naming two keys, one of
 * them such, is a disclosure block (`（发文字号：… 成文日期：…）`), not a header line.
 */
const DISCLOSURE_ONLY = new Set([
  'indexNo',
  'docNo',
  'writtenDate',
  'generatedDate',
  'validity',
  'validUntil',
  'disclosureMethod',
  'disclosureScope',
  'disclosureTerm',
  'disclosureForm',
  'procedure',
]);

function namesDisclosure(keys: Set<string>): boolean {
  return keys.size >= 2 && [...keys].some((key) => DISCLOSURE_ONLY.has(key));
}

/** Parents under which one key is named on MIN_LIST_ITEMS or more lines. */
function listParents(read: InlineLine[]): Set<AnyNode | null> {
  const counts = new Map<AnyNode | null, Map<string, number>>();
  const lists = new Set<AnyNode | null>();
  for (const { block, keys } of read) {
    const perKey = counts.get(block.parent) ?? new Map<string, number>();
    for (const key of keys) {
      const n = (perKey.get(key) ?? 0) + 1;
      perKey.set(key, n);
      if (n >= MIN_LIST_ITEMS) lists.add(block.parent);
    }
    counts.set(block.parent, perKey);
  }
  return lists;
}

/** Canonical keys named with a real value (a heading that reads 标题 names none). */
function fieldKeys(pairs: LabelPair[]): Set<string> {
  const keys = new Set<string>();
  for (const pair of pairs) {
    const key = isPlaceholder(pair.value) ? undefined : fieldLabel(pair.label, pair.rule)?.key;
    if (key) keys.add(key);
  }
  return keys;
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
