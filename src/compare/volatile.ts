/**
 * Counters and clocks that change on every visit. Extraction removes page chrome, but a counter
 * printed inside the article's own info line ("发布时间：… 浏览次数：125") survives it; here its
 * digits are masked, so a changed count is never a change. Patterns run on Simplified, NFKC text.
 */
const VOLATILE_PATTERNS: RegExp[] = [
  // 浏览次数:125 / 阅读量 3,401 / 点击数：77次 (but not "查看2024年度报告": a number followed by a date unit is text)
  /(?:浏览|阅读|点击|访问|查看)(?:次数|量|数|人次)?\s*[:：]?\s*[\d,]+(?![\d年月日号.\-/])\s*(?:次|人次)?/gu,
  // 117次浏览 / 3401 次阅读
  /[\d,]+\s*(?:次|人次)\s*(?:浏览|阅读|点击|查看|访问)/gu,
  // 0个评论 / 12条回复
  /[\d,]+\s*(?:个|条)\s*(?:评论|回复|留言)/gu,
  // 喜欢 (0) / 点赞 12 / 评论(3)
  /(?:喜欢|点赞|赞|评论|回复|收藏|分享)\s*[(（]\s*[\d,]+\s*[)）]/gu,
  // 今天是2024年3月8日 星期五 / 当前时间:2024-03-08 10:12:01
  /(?:今天是|今日是|当前时间\s*[:：]?)\s*[\d年月日\-/: ]+(?:星期[一二三四五六日天])?/gu,
];

export function maskVolatile(text: string): string {
  let masked = text;
  for (const pattern of VOLATILE_PATTERNS) masked = masked.replace(pattern, (match) => match.replace(/[\d,]+/gu, '#').replace(/星期./u, '星期#'));
  return masked;
}
