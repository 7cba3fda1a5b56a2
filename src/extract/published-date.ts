import type { AnyNode, Element } from './dom.js';
import { classAndId, isElement, nextElementSibling, textOf } from './dom.js';
import { parseDate } from './dates.js';
import type { Metadata } from './metadata/fields.js';
import type { PageScan } from './scan.js';
import { visibleLength } from './text.js';

export interface DateResult {
  date: string | null;
  rule: string;
  /** A date meta the page also gives that disagrees with `date` (kept for provenance), e.g. `meta:PubDate 2022-03-01`. */
  overruledMeta: string | null;
}

const DATE_METAS = ['pubdate', 'publishdate', 'article:published_time', 'og:release_date', 'firstpublishedtime', 'publishtime'];
/** Lines under the heading longer than this are prose, whose dates are not the publication date. */
const MAX_INFO_LINE = 160;
const ANY_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/g;
const ARTICLE_BOX = /(?:^|[^a-z])(article|detail|content|main|info)/;

/**
 * The publication date: a date the page shows under a label (the metadata block's 公开日期/发布日期,
 * a header line's 发布时间：/日期：) → the PubDate meta → a <time> of the article → the date line
 * under the heading. Never body or sidebar text. A visible labelled date beats the meta: CMS
 * migrations restamp PubDate. The record's date and `fields.publishedDate` are then one value.
 */
export function findPublishedDate(scan: PageScan, metadata: Metadata, heading: Element | null): DateResult {
  const meta = metaDate(scan);
  const field = metadata.fields.publishedDate;
  if (field) {
    const overruledMeta = meta && meta.date !== field ? `${meta.rule} ${meta.date}` : null;
    return { date: field, rule: metadata.provenance['fields.publishedDate'] ?? 'metadata', overruledMeta };
  }
  if (meta) return { ...meta, overruledMeta: null };
  const time = articleTime(scan.times);
  if (time) return { date: time, rule: 'time-element', overruledMeta: null };
  const infoLine = heading ? dateUnderHeading(heading) : null;
  if (infoLine) return { date: infoLine, rule: 'heading-info-line', overruledMeta: null };
  return { date: null, rule: 'none', overruledMeta: null };
}

function metaDate(scan: PageScan): { date: string; rule: string } | null {
  for (const name of DATE_METAS) {
    const date = parseDate(scan.metas.get(name) ?? '');
    if (date) return { date, rule: name === 'pubdate' ? 'meta:PubDate' : `meta:${name}` };
  }
  return null;
}

function articleTime(times: Element[]): string | null {
  for (const time of times) {
    const marked = 'pubdate' in time.attribs || time.attribs.itemprop === 'datePublished';
    if (!marked && !insideArticle(time)) continue;
    const date = parseDate(time.attribs.datetime ?? '') ?? parseDate(textOf(time));
    if (date) return date;
  }
  return null;
}

function insideArticle(node: AnyNode): boolean {
  for (let current = node.parent as AnyNode | null; current; current = current.parent as AnyNode | null) {
    if (!isElement(current)) continue;
    if (current.name === 'article') return true;
    const names = classAndId(current);
    if (names && ARTICLE_BOX.test(names)) return true;
  }
  return false;
}

/**
 * `<h1>标题</h1><div class="info">2024-05-10 08:24 来源：…</div>`: the first short line after the
 * heading (or after the box holding it). A sentence (。) means the body has begun: its dates are not it.
 */
function dateUnderHeading(heading: Element): string | null {
  const boxes = [heading, heading.parent && isElement(heading.parent) ? heading.parent : null];
  for (const box of boxes) {
    if (!box) continue;
    let sibling = nextElementSibling(box);
    for (let steps = 0; sibling && steps < 3; steps++, sibling = nextElementSibling(sibling)) {
      const text = textOf(sibling);
      if (visibleLength(text) > MAX_INFO_LINE || text.includes('。')) break; // prose: the body has begun
      if ((text.match(ANY_DATE)?.length ?? 0) > 1) break; // a list of dated items, not one date line
      const date = parseDate(text);
      if (date) return date;
    }
  }
  return null;
}
