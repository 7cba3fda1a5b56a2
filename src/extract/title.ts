import type { Element } from './dom.js';
import { closestAncestor, elementChildren, textOf } from './dom.js';
import type { PageScan } from './scan.js';
import { foldSpaces, stripSpaces } from './text.js';

export interface TitleResult {
  title: string;
  rule: string;
  /** The page heading the title was matched with, where the article header starts. */
  heading: Element | null;
}

/** Separators between a title and its site or column name: `_`, `|`, `--`, ` - `, `-` between CJK. */
const SEPARATOR = /\s*(?:_+|\||｜|--+|\s[-–]\s|(?<=[\u4e00-\u9fff）)」》”])-(?=[\u4e00-\u9fff（(「《“]))\s*/;
/** Trailing parts that name a site or column rather than the document. */
const SITE_NAME = /(政府|人民政府|门户网站|网站|网|局|厅|委|委员会|办公室|办|院|部|公报|频道|中心|官网|在线|新闻|首页)$/;
const MAX_SITE_PART = 14;
const LINK_TAGS = new Set(['a']);

/**
 * The record's title: ArticleTitle meta → the table's 标题 → the page heading that matches
 * <title> → <title> without its site suffix → the first h1. Never a column name.
 */
export function findTitle(scan: PageScan, tableTitle: string | undefined, tableRule: string | undefined, linkTexts: ReadonlySet<string>): TitleResult {
  const columnNames = new Set([scan.metas.get('columnname'), scan.metas.get('sitename')].filter(Boolean).map((n) => stripSpaces(n as string)));
  const isColumnName = (text: string): boolean => columnNames.has(stripSpaces(text));
  const metaTitle = foldSpaces(scan.metas.get('articletitle') ?? '');
  const heading = matchingHeading(scan.headings, scan.titleTag);
  if (metaTitle && !isColumnName(metaTitle)) return { title: metaTitle, rule: 'meta:ArticleTitle', heading };
  if (tableTitle) return { title: tableTitle, rule: tableRule ?? 'table', heading };
  if (heading && !isColumnName(textOf(heading))) return { title: foldSpaces(textOf(heading)), rule: 'heading-matches-title', heading };
  const stripped = stripSiteSuffix(foldSpaces(scan.titleTag));
  const looksLikeColumn = isColumnName(stripped) || linkTexts.has(stripSpaces(stripped));
  const fallback = firstHeading(scan.headings);
  if (stripped && !(looksLikeColumn && fallback)) return { title: stripped, rule: 'title-tag', heading };
  if (fallback) return { title: foldSpaces(textOf(fallback)), rule: 'heading', heading: fallback };
  return { title: stripped, rule: stripped ? 'title-tag' : 'none', heading: null };
}

/** `标题_某某区人民政府` → `标题`; `标题 | 站名` → `标题`; `棱镜|标题_财经_腾讯网` → `棱镜|标题`. */
export function stripSiteSuffix(title: string): string {
  const parts: string[] = [];
  const separators: string[] = [];
  let rest = title;
  for (let m = SEPARATOR.exec(rest); m; m = SEPARATOR.exec(rest)) {
    parts.push(rest.slice(0, m.index));
    separators.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  while (parts.length > 1) {
    const last = (parts[parts.length - 1] ?? '').trim();
    if (last !== '' && !SITE_NAME.test(last) && last.length > MAX_SITE_PART) break;
    parts.pop();
    separators.pop();
  }
  let out = '';
  parts.forEach((part, i) => { out += part + (i < separators.length ? (separators[i] ?? '') : ''); });
  return out.trim() || title.trim();
}

/** The page heading that <title> starts with (or that starts with the stripped <title>). */
function matchingHeading(headings: Element[], titleTag: string): Element | null {
  const full = stripSpaces(titleTag);
  const stripped = stripSpaces(stripSiteSuffix(foldSpaces(titleTag)));
  if (!full) return null;
  let best: Element | null = null;
  let bestLength = 0;
  for (const heading of headings.flatMap(withFirstChild)) {
    if (closestAncestor(heading, LINK_TAGS, 8)) continue;
    const text = stripSpaces(textOf(heading));
    if (text.length < 4 || text.length <= bestLength) continue;
    const matches = text === full || text === stripped || (full.startsWith(text) && text.length >= stripped.length * 0.6) || (stripped.length >= 8 && text.startsWith(stripped) && text.length <= stripped.length * 2);
    if (matches) { best = heading; bestLength = text.length; }
  }
  return best;
}

/** A title box often holds the heading and its date line: `<div class="title"><div>标题</div><ul>…</ul></div>`. */
function withFirstChild(heading: Element): Element[] {
  const first = elementChildren(heading)[0];
  return first ? [heading, first] : [heading];
}

function firstHeading(headings: Element[]): Element | null {
  const usable = headings.filter((h) => !closestAncestor(h, LINK_TAGS, 8) && stripSpaces(textOf(h)).length >= 4);
  return usable.find((h) => h.name === 'h1') ?? usable.find((h) => stripSpaces(textOf(h)).length >= 8) ?? null;
}
