/**
 * Finds the next page of a list page. Only the next one: reading a column page after page lets the
 * crawl stop early on a long column once a page holds nothing new (a pager's "尾页"/numbered
 * links would otherwise pull in every page at once).
 */

/** A link on a list page, as pagination sees it. */
export interface PagerAnchor {
  url: string;
  text: string;
  /** `rel="next"`, a class naming "next", or a title/alt saying 下一页. */
  markedNext: boolean;
}

const NEXT_WORDS = /^[\s[【(（]*(下一页|下一頁|下页|下頁|后一页|後一頁|后页|後頁|next(\s*page)?)[\s\]】)）>›»]*$/i;
/** A lone `>` or `›` is "next"; `>>` and `»` usually mean the last page. */
const NEXT_ARROW = /^\s*[>›]\s*$/;
/** File stems that number a column's pages: index_1.html (TRS), list_2.html (Hanweb), default_3.htm … */
const PAGER_STEMS = new Set(['index', 'list', 'default', 'page', 'more', 'pages']);
const PAGE_PARAMS = ['page', 'pageno', 'pagenum', 'pageindex', 'currentpage', 'curpage', 'pn', 'p'];
const NUMBERED_FILE = /^(.*\/)([^/]*?)[_-](\d{1,5})(\.[a-z]{2,5})$/i;

export function isNextText(text: string): boolean {
  const normalized = text.replace(/\s+/g, ' ');
  return NEXT_WORDS.test(normalized) || NEXT_ARROW.test(normalized);
}

/**
 * The next page: the link the page itself calls 下一页/next; failing that (a `javascript:` pager),
 * the sibling page with the smallest page number above this one (`index_1.html` after `index.html`,
 * `list_3.html` after `list_2.html`, `?page=4` after `?page=3`).
 */
export function nextPageUrls(anchors: PagerAnchor[], pageUrl: string): string[] {
  const marked = anchors.filter((anchor) => anchor.markedNext || isNextText(anchor.text)).map((anchor) => anchor.url);
  const explicit = [...new Set(marked)].filter((url) => url !== pageUrl);
  if (explicit.length > 0) return explicit;
  const next = nextNumberedSibling(
    anchors.map((anchor) => anchor.url),
    pageUrl,
  );
  return next ? [next] : [];
}

/** True for another page of the same list: `list_3.html` or `index.html` seen from `list_2.html`. */
export function isPagerSibling(url: string, pageUrl: string): boolean {
  const candidate = pageNumberOf(new URL(url));
  const current = pageNumberOf(new URL(pageUrl));
  if (candidate.family !== current.family) return false;
  return PAGER_STEMS.has(candidate.stem.toLowerCase()) || candidate.stem === current.stem;
}

interface PageNumber {
  /** What a sibling page shares with this one: the folder (file style) or path + parameter (query style). */
  family: string;
  stem: string;
  n: number;
}

function nextNumberedSibling(urls: string[], pageUrl: string): string | null {
  const current = pageNumberOf(new URL(pageUrl));
  let best: { url: string; n: number } | null = null;
  for (const url of urls) {
    const candidate = pageNumberOf(new URL(url));
    if (!candidate || candidate.family !== current.family || candidate.n <= current.n) continue;
    if (!PAGER_STEMS.has(candidate.stem.toLowerCase()) && candidate.stem !== current.stem) continue;
    if (!best || candidate.n < best.n) best = { url, n: candidate.n };
  }
  return best?.url ?? null;
}

/** A page's number within its column; a page without one is the first (number 0). */
function pageNumberOf(url: URL): PageNumber {
  for (const [key, value] of url.searchParams) {
    if (PAGE_PARAMS.includes(key.toLowerCase()) && /^\d{1,5}$/.test(value)) {
      return { family: `${url.host}${url.pathname}?${key}`, stem: key, n: Number(value) };
    }
  }
  const match = NUMBERED_FILE.exec(url.pathname);
  if (match) return { family: url.host + match[1], stem: match[2] ?? '', n: Number(match[3]) };
  const folder = url.pathname.replace(/[^/]*$/, '');
  const stem = url.pathname.slice(folder.length).replace(/\.[a-z]+$/i, '') || 'index';
  return { family: url.host + folder, stem, n: 0 };
}

/**
 * TRS writes its pager with `createPageHTML(countPage, currentPage, "index", "html")` (newer
 * templates add a container id first and a record count last): pages are `index.html`,
 * `index_1.html` … `index_{countPage-1}.html` in the page's folder. Arguments may be variables
 * set earlier in the script (`var countPage = 12;`).
 */
export function trsNextPage(scripts: string, pageUrl: string): string | null {
  const call = /createPageHTML\s*\(([^)]*)\)/.exec(scripts);
  if (!call?.[1]) return null;
  const args = call[1].split(',').map((arg) => arg.trim());
  for (let i = 0; i + 3 < args.length; i++) {
    const name = unquote(args[i + 2]);
    const ext = unquote(args[i + 3]);
    const count = resolveNumber(args[i], scripts);
    const current = resolveNumber(args[i + 1], scripts);
    if (name === null || ext === null || count === null || current === null) continue;
    if (current + 1 >= count) return null;
    return new URL(`${name}_${current + 1}.${ext}`, pageUrl).toString();
  }
  return null;
}

function unquote(arg: string | undefined): string | null {
  const match = /^(["'])([\w.-]+)\1$/.exec(arg ?? '');
  return match?.[2] ?? null;
}

function resolveNumber(arg: string | undefined, scripts: string): number | null {
  if (!arg) return null;
  if (/^\d+$/.test(arg)) return Number(arg);
  if (!/^[A-Za-z_$][\w$]*$/.test(arg)) return null;
  const assigned = new RegExp(`\\b${arg.replace(/\$/g, '\\$')}\\s*=\\s*["']?(\\d+)`).exec(scripts);
  return assigned?.[1] ? Number(assigned[1]) : null;
}
