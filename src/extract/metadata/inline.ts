import type { AnyNode, Element } from '../dom.js';
import { breaksLine, isElement, isText, nextElementSibling, textOf, walkDescendants } from '../dom.js';
import { GENERIC_LABEL, INLINE_LABEL, isKnownLabel, normalizeLabel } from '../labels.js';
import { cleanValue, visibleLength } from '../text.js';
import type { LabelPair } from './types.js';
import { stripValueChrome } from './values.js';

type Token = { label: string } | { text: string };

/** Blocks longer than this are prose that happens to mention a label, not metadata. */
const MAX_LINE_LENGTH = 400;
/** Text allowed before the first label (a date, a bullet); more means a sentence. */
const MAX_LEAD_LENGTH = 30;

/**
 * Reads label/value pairs from one block written inline: `<li><span>发布机构</span>：X</li>`,
 * `<li>索引号：<font>X</font></li>`, `<p><strong>文号</strong>：无</p>`, `<td>发布机构：X</td>`,
 * `<div><span class="name">L：</span><span class="value">V</span></div>`, and header lines with
 * several labels (`发布时间：… 来源：… 浏览次数：…`). A block that holds only a label takes its
 * value from the next sibling element (`<div class="name">L</div><div class="value">V</div>`),
 * unless `valueFromSibling` is false.
 */
export function readInlineBlock(block: Element, rule: string, valueFromSibling = true): LabelPair[] {
  const tokens: Token[] = [];
  collectTokens(block, tokens);
  const firstLabel = tokens.findIndex((t) => 'label' in t);
  if (firstLabel < 0) return [];
  const lead = tokens
    .slice(0, firstLabel)
    .map((t) => ('text' in t ? t.text : ''))
    .join('');
  if (visibleLength(lead) > MAX_LEAD_LENGTH || visibleLength(textOf(block)) > MAX_LINE_LENGTH) return [];
  const pairs = pairTokens(tokens.slice(firstLabel), rule);
  const only = pairs.length === 1 ? pairs[0] : undefined;
  if (only && only.value === '' && valueFromSibling) {
    const sibling = nextElementSibling(block);
    if (sibling && !startsWithLabel(textOf(sibling))) {
      return [{ label: only.label, value: stripValueChrome(cleanValue(textOf(sibling))), rule: 'inline:name-value' }];
    }
  }
  return pairs;
}

function pairTokens(tokens: Token[], rule: string): LabelPair[] {
  const pairs: LabelPair[] = [];
  let current: { label: string; parts: string[] } | null = null;
  const flush = (): void => {
    if (current) pairs.push({ label: current.label, value: tidyValue(current.parts.join('')), rule });
  };
  for (const token of tokens) {
    if ('label' in token) {
      flush();
      current = { label: token.label, parts: [] };
    } else if (current) {
      current.parts.push(token.text);
    }
  }
  flush();
  return pairs;
}

/**
 * Strips the colon that followed a wrapped label, and ends the value at a `|` separator: header
 * items are written `发布时间：… | 字体放大 | 打印`, and a value never holds a bar.
 */
function tidyValue(raw: string): string {
  const value = cleanValue(raw).replace(/^[:：|｜\s]+/, '');
  return stripValueChrome(cleanValue(value.split(/[|｜]/)[0] ?? ''));
}

/** Text and labels in document order; a line break or block edge separates them like a space. */
function collectTokens(node: AnyNode, tokens: Token[]): void {
  const breakAround = (child: AnyNode): void => {
    if (breaksLine(child as Element)) tokens.push({ text: ' ' });
  };
  walkDescendants(
    node,
    (child) => {
      if (isText(child)) tokenizeText(child.data, tokens);
      if (!isElement(child)) return false;
      breakAround(child);
      return true;
    },
    breakAround,
  );
}

function tokenizeText(data: string, tokens: Token[]): void {
  const whole = normalizeLabel(data);
  if (whole && data.length <= 24 && isKnownLabel(whole)) {
    tokens.push({ label: whole });
    return;
  }
  let last = 0;
  for (const match of labelMatches(data)) {
    if (match.start > last) tokens.push({ text: data.slice(last, match.start) });
    tokens.push({ label: match.label });
    last = match.end;
  }
  if (last < data.length) tokens.push({ text: data.slice(last) });
}

interface LabelMatch {
  start: number;
  end: number;
  label: string;
}

/** Known labels, and label-shaped runs the lists do not know where no known label is. */
function labelMatches(data: string): LabelMatch[] {
  const known = allMatches(INLINE_LABEL, data);
  const generic = allMatches(GENERIC_LABEL, data).filter((g) => !known.some((k) => g.start < k.end && k.start < g.end));
  return [...known, ...generic].sort((a, b) => a.start - b.start);
}

function allMatches(pattern: RegExp, data: string): LabelMatch[] {
  const out: LabelMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(data); m; m = pattern.exec(data)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: normalizeLabel(m[1] ?? '') });
  }
  return out;
}

function startsWithLabel(text: string): boolean {
  const trimmed = text.trim();
  INLINE_LABEL.lastIndex = 0;
  const m = INLINE_LABEL.exec(trimmed);
  if (m && m.index === 0) return true;
  return isKnownLabel(normalizeLabel(trimmed));
}
