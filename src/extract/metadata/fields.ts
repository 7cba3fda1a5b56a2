import type { CanonicalKey } from '../types.js';
import type { Element } from '../dom.js';
import { parseDate } from '../dates.js';
import { fieldLabel, isPlaceholder, isWidgetLabel, labelKey } from '../labels.js';
import type { LabelPair, PairGroup } from './types.js';

const DATE_KEYS = new Set<CanonicalKey>(['writtenDate', 'generatedDate', 'publishedDate']);
const LEVEL_ONE = '主题(一级)';
const LEVEL_TWO = '主题(二级)';

export interface Metadata {
  fields: Partial<Record<CanonicalKey, string>>;
  labels: Record<string, string>;
  /** `fields.<key>` → the reading rule. */
  provenance: Record<string, string>;
  /** Keys whose value came from a metadata block rather than a lone header line. */
  fromBlock: Set<CanonicalKey>;
  /** Elements that hold metadata, to leave out of the main text. */
  excluded: Set<Element>;
}

interface Candidate {
  value: string;
  rule: string;
  /** Blocks beat header lines; then the more specific synonym; then the earlier one. */
  order: [number, number];
  fromBlock: boolean;
}

export function buildMetadata(groups: PairGroup[]): Metadata {
  const labels: Record<string, string> = {};
  const best = new Map<CanonicalKey, Candidate>();
  const excluded = new Set<Element>();
  for (const group of groups) {
    for (const block of group.blocks) excluded.add(block);
    for (const pair of group.pairs) {
      if (pair.value !== '' && !(pair.label in labels) && !isWidgetLabel(pair.label)) labels[pair.label] = pair.value;
    }
    for (const pair of mergeCategoryLevels(group.pairs)) offer(best, pair, group.kind);
  }
  const metadata: Metadata = { fields: {}, labels, provenance: {}, fromBlock: new Set(), excluded };
  for (const [key, candidate] of best) {
    metadata.fields[key] = candidate.value;
    metadata.provenance[`fields.${key}`] = candidate.rule;
    if (candidate.fromBlock) metadata.fromBlock.add(key);
  }
  return metadata;
}

function offer(best: Map<CanonicalKey, Candidate>, pair: LabelPair, kind: PairGroup['kind']): void {
  const info = fieldLabel(pair.label, pair.rule);
  if (!info || isPlaceholder(pair.value)) return;
  // A lone header line (`发布时间：… 分类：…`) is trusted for the date only: a blog's 分类 is no disclosure category.
  if (kind === 'line' && info.key !== 'publishedDate') return;
  const value = DATE_KEYS.has(info.key) ? parseDate(pair.value) : pair.value;
  if (!value) return;
  const candidate: Candidate = { value, rule: pair.rule, order: [kind === 'block' ? 0 : 1, info.rank], fromBlock: kind === 'block' };
  const current = best.get(info.key);
  if (!current || isBefore(candidate.order, current.order)) best.set(info.key, candidate);
}

function isBefore(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** 主题(一级) 科技、教育 + 主题(二级) 教育 → category `科技、教育\教育`, the way gov.cn writes it. */
function mergeCategoryLevels(pairs: LabelPair[]): LabelPair[] {
  const one = pairs.find((p) => labelKey(p.label) === LEVEL_ONE && !isPlaceholder(p.value));
  const two = pairs.find((p) => labelKey(p.label) === LEVEL_TWO && !isPlaceholder(p.value));
  if (!one || !two) return pairs;
  const merged = { ...one, value: `${one.value}\\${two.value}` };
  return pairs.filter((p) => p !== two).map((p) => (p === one ? merged : p));
}
