/**
 * The committed fixtures: formats no library here can write (Word 97 and BIFF8 made by LibreOffice, and a
 * PDF with an embedded CJK TrueType subset made by LibreOffice with WenQuanYi Micro Hei). A few KB each.
 */
import { readFileSync } from 'node:fs';

export type CommittedFixture = 'notice-word97.doc' | 'schools-biff8.xls' | 'embedded-cjk-subset.pdf';

export function committed(name: CommittedFixture): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

/** Phrases that occur only inside each committed fixture. */
export const committedPhrases: Record<CommittedFixture, string> = {
  'notice-word97.doc': '暑期安全教育覆盖全体学生',
  'schools-biff8.xls': '科技创新特色学校',
  'embedded-cjk-subset.pdf': '建设智慧校园示范区',
};
