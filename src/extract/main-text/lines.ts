import { stripSpaces } from '../text.js';
import type { Line } from './serialize.js';

/** Whole lines of page furniture that survive in article boxes: tools, counters, prev/next, footers. */
const CHROME_LINES: RegExp[] = [
  /^(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|前一篇|后一篇|previous|next article|prev)\s*[:：]?/i,
  /^([【\[(（]?\s*(打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|加入收藏|分享到?|字号|大|中|小|默认|放大|缩小|保存|纠错)\s*[】\])）]?\s*[|｜:：]?\s*)+$/,
  /^(当前位置|您的位置|您现在的位置|你的位置|所在位置|位置)\s*[:：]/,
  /扫一扫在手机|在手机上查看当前页面|在手机打开当前页|手机扫码|扫码阅读/,
  /^(分享到|分享至|分享)\s*[:：]/,
  /关注.{0,6}公众号|扫码关注|微信扫一扫|扫描二维码/,
  /^(浏览次数|阅读次数|点击数|访问量|浏览量|阅读量|点击量|浏览|阅读)\s*[:：]?\s*\d*\s*次?$/,
  /\d+\s*次浏览|\d+\s*个评论|\d+\s*条评论|阅读\s*\(\d+\)|评论\s*\(\d+\)/,
  /^(发表(我的)?评论|取消评论|提交评论|网友评论|评论列表|我要评论|喜欢\s*\(\d+\)|点赞|喜欢就按个赞吧)/,
  /^(昵称|邮箱|网址|验证码)\s*(\((必填|选填)\))?$/,
  /您需要填写昵称|点击关闭提示/,
  /转载.{0,8}注明出处|未经.{0,12}(许可|授权).{0,12}(转载|使用)|版权声明/,
  /ICP备|备案号|网站标识码|公网安备|版权所有|copyright|©/i,
];

/** A heading that opens a tail of links to other articles. */
const RELATED_HEADING =
  /(相关文章|相关阅读|相关链接|相关新闻|相关推荐|相关信息|同類文章|同类文章|热点新闻|热门文章|推荐阅读|延伸阅读|猜你喜欢|更多阅读|热门推荐|最新文章|同类信息)\s*[:：]?$/;
/** Lines in such a tail are titles: short. */
const MAX_TAIL_LINE = 60;
/** A line mostly made of link text is a menu or a list of other pages… */
const MAX_LINK_SHARE = 0.5;
/** …unless it is a sentence with links in it; a line that is all links goes anyway. */
const SENTENCE_END = /[。！？；.!?;]/;
const ALL_LINKS = 0.8;

/** Drops chrome lines, link lists, "related articles" tails and a repeated headline from serialized paragraphs. */
export function cleanLines(lines: Line[], title = ''): string[] {
  const out: string[] = [];
  const shortFrom = shortTails(lines);
  const headline = stripSpaces(title);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // The page's header block pasted again at the top of the body (the headline, then a byline
    // read as metadata): the headline goes with it. A headline that simply opens the body stays.
    if (i === 0 && headline !== '' && stripSpaces(line.text) === headline && lines[1]?.afterSkipped) continue;
    if (RELATED_HEADING.test(line.text) && line.chars <= 40) {
      if (shortFrom[i + 1]) break;
      continue;
    }
    if (isChromeLine(line)) continue;
    out.push(line.text);
  }
  return out;
}

function isChromeLine(line: Line): boolean {
  if (line.chars <= 120 && CHROME_LINES.some((re) => re.test(line.text))) return true;
  if (line.attachment || line.linkChars <= line.chars * MAX_LINK_SHARE) return false;
  return line.linkChars >= line.chars * ALL_LINKS || !SENTENCE_END.test(line.text);
}

/** shortFrom[i]: every line from i to the end is short (one backward pass). */
function shortTails(lines: Line[]): boolean[] {
  const shortFrom = new Array<boolean>(lines.length + 1);
  shortFrom[lines.length] = true;
  for (let i = lines.length - 1; i >= 0; i--) shortFrom[i] = (shortFrom[i + 1] ?? true) && (lines[i] as Line).chars <= MAX_TAIL_LINE;
  return shortFrom;
}
