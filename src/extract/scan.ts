import type { AnyNode, Element, ParentNode, Text } from './dom.js';
import { attr, classAndId, isComment, isElement, isText, removeNode, walkDescendants } from './dom.js';
import { canonicalLabel, hasInlineBylineLabel, hasInlineCanonicalLabel, mayBeLabel, normalizeLabel } from './labels.js';

/** Elements readers never see, or whose text is not page content. */
const INVISIBLE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'video',
  'audio',
  'map',
  'link',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const CONTENT_NAMES = /(?:^|\s)(ucap-content|trs_editor|trs_ueditor|zoom|fontzoom|zoomcon)(?:\s|$)/;
/**
 * Names templates give the article body box (a class or id word ending in one: `article_content`,
 * `content`, `zhengwen`, `txt`); generic, so only a fallback (main-text/named-box.ts).
 */
const BODY_BOX_NAMES = /(?:^|[\s_-])(content|contents|article|detail|details|zhengwen|zw|txt|text|body|con)(?:[_-]?\d+)?(?:\s|$)/;
const TITLE_NAMES = /title|(?:^|[\s_-])(?:tit|bt|zbt|dbt|biaoti|headline)(?:[\s_-]|$)/;

/** Everything the extractor needs from the page, gathered in a single walk over the tree. */
export interface PageScan {
  /**
   * Where the page's content is looked for: the whole document, not its first <body> (pages
   * include whole templates with their own <html><body>, and put content after </body>).
   */
  body: ParentNode;
  /** `<meta name|property>` → content, names lower-cased; first occurrence wins. */
  metas: Map<string, string>;
  titleTag: string;
  baseHref: string | null;
  /** Hanweb body markers: `<!--ZJEG_RSS.content.begin-->` or `<meta name="ContentStart">` and their ends. */
  markerBegin: AnyNode | null;
  markerEnd: AnyNode | null;
  /** Elements CMSes use for the article body (#UCAP-CONTENT, .TRS_Editor, #zoom), document order. */
  namedContent: Element[];
  /** Boxes with a generic body name (`content`, `article`, `zhengwen` …), document order. */
  bodyBoxes: Element[];
  /** h1–h6 and elements named *title*: where the page heading is looked for. */
  headings: Element[];
  times: Element[];
  links: Element[];
  /** Text nodes that are, or contain, a canonical metadata label. */
  labelTexts: Text[];
}

export function scanPage(root: ParentNode): PageScan {
  const scan: PageScan = {
    body: root,
    metas: new Map(),
    titleTag: '',
    baseHref: null,
    markerBegin: null,
    markerEnd: null,
    namedContent: [],
    bodyBoxes: [],
    headings: [],
    times: [],
    links: [],
    labelTexts: [],
  };
  const doomed: AnyNode[] = [];
  visit(root, scan, doomed);
  for (const node of doomed) removeNode(node);
  return scan;
}

/** One pre-order pass; hidden subtrees are noted for removal and not entered. */
function visit(root: ParentNode, scan: PageScan, doomed: AnyNode[]): void {
  walkDescendants(root, (child) => {
    if (isText(child)) {
      if (hasLabel(child.data)) scan.labelTexts.push(child);
      return false;
    }
    if (isElement(child)) {
      if (isInvisible(child)) {
        if (child.name === 'title' && !scan.titleTag) scan.titleTag = textOfTitle(child);
        doomed.push(child);
        return false;
      }
      noteElement(child, scan);
      return true;
    }
    if (isComment(child)) noteMarkerComment(child, scan);
    return false;
  });
}

function isInvisible(el: Element): boolean {
  if (INVISIBLE_TAGS.has(el.name) || el.name === 'title') return true;
  if ('hidden' in el.attribs) return true;
  const style = el.attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function textOfTitle(el: Element): string {
  return el.children.map((c) => (isText(c) ? c.data : '')).join('');
}

function noteElement(el: Element, scan: PageScan): void {
  switch (el.name) {
    case 'meta':
      noteMeta(el, scan);
      return;
    case 'base':
      if (!scan.baseHref && el.attribs.href) scan.baseHref = el.attribs.href;
      return;
    case 'a':
      if (el.attribs.href) scan.links.push(el);
      break;
    case 'time':
      scan.times.push(el);
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      scan.headings.push(el);
      return;
  }
  const names = classAndId(el);
  if (!names) return;
  if (CONTENT_NAMES.test(names)) scan.namedContent.push(el);
  if (BODY_BOX_NAMES.test(names)) scan.bodyBoxes.push(el);
  if (TITLE_NAMES.test(names)) scan.headings.push(el);
}

function noteMeta(el: Element, scan: PageScan): void {
  const name = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
  if (!name) return;
  if (name === 'contentstart' && !scan.markerBegin) scan.markerBegin = el;
  else if (name === 'contentend' && scan.markerBegin && !scan.markerEnd) scan.markerEnd = el;
  const content = attr(el, 'content').trim();
  if (content && !scan.metas.has(name)) scan.metas.set(name, content);
}

function noteMarkerComment(node: AnyNode, scan: PageScan): void {
  const data = (node as unknown as { data: string }).data;
  if (data.includes('ZJEG_RSS.content.begin') && !scan.markerBegin) scan.markerBegin = node;
  else if (data.includes('ZJEG_RSS.content.end') && scan.markerBegin && !scan.markerEnd) scan.markerEnd = node;
}

/** A byline longer than this is prose that mentions a source. */
const MAX_BYLINE_TEXT = 200;

/** Cheap test first (short text or a colon), the label regex only then. */
function hasLabel(data: string): boolean {
  if (data.length <= 24 && mayBeLabel(data) && canonicalLabel(normalizeLabel(data))) return true;
  if (!data.includes(':') && !data.includes('：') && !data.includes('】')) return false;
  return hasInlineCanonicalLabel(data) || (data.length <= MAX_BYLINE_TEXT && hasInlineBylineLabel(data));
}
