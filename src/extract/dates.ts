/**
 * Dates as government pages write them: 2021-02-18, 2021-02-18 14:06, 2021年02月18日, 2021/2/18,
 * 2021.02.18, 20210218, and 二〇二一年二月十八日 (signature dates). All become YYYY-MM-DD.
 */
const NUMERIC_DATE = /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/;
const COMPACT_DATE = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4,6})?$/;
const CJK_DATE = /([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

const CJK_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function format(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 2月30日 and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 十八 → 18, 二十 → 20, 十 → 10, 三 → 3. */
function cjkNumber(text: string): number {
  if (!text.includes('十')) return CJK_DIGITS[text] ?? NaN;
  const [tens, units] = text.split('十') as [string, string];
  return (tens ? (CJK_DIGITS[tens] ?? NaN) : 1) * 10 + (units ? (CJK_DIGITS[units] ?? NaN) : 0);
}

/** The first date written in `text`, as YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) return format(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const compact = COMPACT_DATE.exec(text.trim());
  if (compact) return format(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const cjk = CJK_DATE.exec(text);
  if (cjk) {
    const year = Number([...(cjk[1] ?? '')].map((c) => CJK_DIGITS[c] ?? 'x').join(''));
    return format(year, cjkNumber(cjk[2] ?? ''), cjkNumber(cjk[3] ?? ''));
  }
  return null;
}
