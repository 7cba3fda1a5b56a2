import type { AnyNode, Element } from './dom.js';
import { classAndId, closestAncestor, elementChildren, isElement, textOf } from './dom.js';
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
 * <title> → <title> without its site suffix → the best headline block. Never a column name, and
 * never the site's name: a <title> that is only the site's name gives way to a headline block.
 */
export function findTitle(scan: PageScan, tableTitle: string | undefined, tableRule: string | undefined, linkTexts: ReadonlySet<string>): TitleResult {
  const columnNames = new Set([scan.metas.get('columnname'), scan.metas.get('sitename')].filter(Boolean).map((n) => stripSpaces(n as string)));
  const isColumnName = (text: string): boolean => columnNames.has(stripSpaces(text));
  const metaTitle = foldSpaces(scan.metas.get('articletitle') ?? '');
  const { text: titleTag, decorated } = withoutLiteralMarkup(scan.titleTag);
  const heading = matchingHeading(scan.headings, titleTag);
  if (metaTitle && !isColumnName(metaTitle) && !looksLikeSiteName(metaTitle)) return { title: metaTitle, rule: 'meta:ArticleTitle', heading };
  if (tableTitle) return { title: tableTitle, rule: tableRule ?? 'table', heading };
  // A <title> that shows markup as text had the headline's decoration (a status badge) pasted in;
  // with it taken out, <title> is cleaner than the heading, which renders the decoration.
  const headingTitle = heading && !decorated && !isColumnName(textOf(heading)) && !looksLikeSiteName(textOf(heading));
  if (headingTitle) return { title: foldSpaces(textOf(heading)), rule: 'heading-matches-title', heading };
  const stripped = stripSiteSuffix(foldSpaces(titleTag));
  const notTheDocument = isColumnName(stripped) || linkTexts.has(stripSpaces(stripped)) || looksLikeSiteName(foldSpaces(titleTag));
  const fallback = bestHeadline(scan.headings, (text) => isColumnName(text) || linkTexts.has(text));
  if (stripped && !(notTheDocument && fallback)) return { title: stripped, rule: 'title-tag', heading };
  if (fallback) return { title: foldSpaces(textOf(fallback)), rule: 'heading', heading: fallback };
  return { title: stripped, rule: stripped ? 'title-tag' : 'none', heading: null };
}

const LITERAL_ELEMENT = /<([a-z][a-z0-9]*)\b[^<>]*>[^<>]*<\/\1\s*>/gi;
const LITERAL_TAG = /<\/?[a-z][a-z0-9]*\b[^<>]*>/gi;

/** `标题<font color='#2ac36e'>[文件获取中]</font>` as <title> text: the marked-up part is decoration. */
function withoutLiteralMarkup(title: string): { text: string; decorated: boolean } {
  if (!LITERAL_TAG.test(title)) return { text: title, decorated: false };
  LITERAL_TAG.lastIndex = 0;
  return { text: title.replace(LITERAL_ELEMENT, ' ').replace(LITERAL_TAG, ' '), decorated: true };
}

/** Ends of a document's title: a notice, a decision, a plan … (a site's name never ends so). */
const DOCUMENT_WORDS =
  /(通知|通告|公告|公示|决定|意见|办法|规定|方案|报告|批复|通报|函|纲要|规划|细则|条例|决议|命令|指引|解读|答复|要点|计划|总结|预算|决算|公报|说明|目录|名单|结果|情况)$|关于/;
const MAX_SITE_NAME = 20;

/**
 * A whole <title> that names a site rather than a page: short, no separator, ending like the name
 * of a government body or a website (`某某区人民政府`, `某某市统计局`, `某某政府门户网站`).
 */
export function looksLikeSiteName(title: string): boolean {
  const compact = stripSpaces(title);
  if (!compact || compact.length > MAX_SITE_NAME || SEPARATOR.test(title)) return false;
  return SITE_NAME.test(compact) && !DOCUMENT_WORDS.test(compact);
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
  parts.forEach((part, i) => {
    out += part + (i < separators.length ? (separators[i] ?? '') : '');
  });
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
    const matches =
      text === full ||
      text === stripped ||
      (full.startsWith(text) && text.length >= stripped.length * 0.6) ||
      (stripped.length >= 8 && text.startsWith(stripped) && text.length <= stripped.length * 2);
    if (matches) {
      best = heading;
      bestLength = text.length;
    }
  }
  return best;
}

/** A title box often holds the heading and its date line: `<div class="title"><div>标题</div><ul>…</ul></div>`. */
function withFirstChild(heading: Element): Element[] {
  const first = elementChildren(heading)[0];
  return first ? [heading, first] : [heading];
}

/**
 * Boxes of page furniture, where a headline-looking block is a logo or a column name. Not
 * header/head/top: article templates name the box of the headline so (`article-header`).
 */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
const CHROME_BOX = /(?:^|[^a-z])(logo\w*|nav\w*|menu\w*|foot\w*|side\w*|banner|crumbs?|location|position|weizhi)(?=[^a-z]|$)/;

/**
 * The headline block most likely to be the document's: an h1 or a box named like a title (`zbt`,
 * `bt`, `title` …), of heading length, outside the page's furniture, not the site's or a column's
 * name. Scored together; the first of equal scores wins.
 */
function bestHeadline(headings: Element[], isNavigationText: (text: string) => boolean): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const candidate of headings) {
    const score = headlineScore(candidate, isNavigationText);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function headlineScore(el: Element, isNavigationText: (text: string) => boolean): number {
  const text = stripSpaces(textOf(el));
  if (text.length < 4 || text.length > 120 || closestAncestor(el, LINK_TAGS, 8)) return 0;
  if (isNavigationText(text) || looksLikeSiteName(text)) return 0;
  let score = 1;
  if (el.name === 'h1') score += 3;
  else if (!/^h[1-6]$/.test(el.name)) score += 2; // a box named like a title
  if (text.length >= 8) score += 1;
  if (DOCUMENT_WORDS.test(text)) score += 2;
  if (inChromeBox(el)) score -= 4;
  return Math.max(score, 0);
}

function inChromeBox(el: Element): boolean {
  for (let node = el.parent as AnyNode | null; node; node = node.parent as AnyNode | null) {
    if (!isElement(node)) continue;
    if (CHROME_TAGS.has(node.name)) return true;
    const names = classAndId(node);
    if (names && CHROME_BOX.test(names)) return true;
  }
  return false;
}
