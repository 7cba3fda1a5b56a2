/**
 * Page chrome that sticks to metadata values: the font-size widget after a date
 * (`2023-01-10 16:40 [大 中 小]`, `字体：【大 中 小】`), the brackets of a bracketed byline
 * (`【发布时间：2018-01-18】【作者：/】` leaves `2018-01-18】 【`), bracketed tools (`【打印】`), and a
 * view counter trailing a value (`2023-01-10 阅读：1286`, `(浏览 1286 次)`). Labels and values stay
 * as written otherwise.
 */

/** 大 中 小 as a widget: bracketed, after 字体/字号, or spaced apart (never the word 大中小学). */
const FONT_WIDGET = new RegExp(
  [
    '(?:字体|字号|文字)\\s*[:：]?\\s*[【\\[(（]?\\s*大\\s*[|｜/]?\\s*中\\s*[|｜/]?\\s*小\\s*[】\\])）]?',
    '[【\\[(（]\\s*大\\s*[|｜/]?\\s*中\\s*[|｜/]?\\s*小\\s*[】\\])）]',
    '[【\\[]\\s*大\\s*[】\\]]\\s*[【\\[]\\s*中\\s*[】\\]]\\s*[【\\[]\\s*小\\s*[】\\]]',
    '(?<=^|\\s)大\\s+中\\s+小(?=\\s|$)',
  ].join('|'),
  'g',
);
/** Page tools in brackets after a value: `【打印】`, `[关闭窗口]`. */
const TOOLS = /[【[]\s*(?:打印|打印本页|关闭|关闭窗口|收藏|加入收藏|返回|返回顶部|纠错|下载|分享)\s*[】\]]/g;

/** A counter needs its number or colon, and stands apart: 全民阅读 is a keyword, not a counter. */
const TRAILING_COUNTER = /\s*[（(【[]?\s*(?<![\u4e00-\u9fff])(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*(?:[:：]\s*\d*|\d+)\s*次?\s*[)）】\]]?\s*$/;
const OPENERS = '【[（(';
const CLOSERS = '】]）)';

export function stripValueChrome(value: string): string {
  let out = value.replace(FONT_WIDGET, ' ').replace(TOOLS, ' ');
  const counterless = out.replace(TRAILING_COUNTER, '');
  if (counterless.trim() !== '') out = counterless; // a value that is only a counter is the counter
  return stripStrayBrackets(out.replace(/\s+/g, (run) => (run.includes('\u3000') ? run : ' ')).trim());
}

/** Brackets left from the neighbouring pairs: a closer at the start, an opener at the end, unmatched ones. */
function stripStrayBrackets(value: string): string {
  let out = value;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(/^[\s】\])）]+/, '').replace(/[\s【[（(]+$/, '');
    const last = out.slice(-1);
    if (CLOSERS.includes(last) && !out.includes(OPENERS[CLOSERS.indexOf(last)] as string)) out = out.slice(0, -1);
    const first = out.slice(0, 1);
    if (OPENERS.includes(first) && !out.includes(CLOSERS[OPENERS.indexOf(first)] as string)) out = out.slice(1);
  }
  return out.trim();
}
