import iconv from 'iconv-lite';
import type { PageCharset } from './types.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The `<meta http-equiv>` charset label a page declares. GB pages say gb2312, as old CMS templates do. */
export function declaredCharset(charset: PageCharset): string {
  return charset === 'gbk' ? 'gb2312' : 'utf-8';
}

/**
 * Encodes a page. GB pages are checked to round-trip through GBK, so a character GBK lacks fails
 * the build instead of silently turning into "?".
 */
export function encodePage(html: string, charset: PageCharset, path: string): Buffer {
  if (charset === 'utf-8') return Buffer.from(html, 'utf8');
  const bytes = iconv.encode(html, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== html) {
    throw new Error(`page ${path} has characters outside GBK; expected text GBK can encode`);
  }
  return bytes;
}

type BodyParagraph = { kind: 'text'; text: string } | { kind: 'heading'; text: string } | { kind: 'center'; text: string } | { kind: 'right'; text: string };

/** Body files hold one paragraph a line: `# ` centred title, `## ` heading, `> ` right-aligned, else text. */
export function parseBody(source: string): BodyParagraph[] {
  return source
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): BodyParagraph => {
      if (line.startsWith('## ')) return { kind: 'heading', text: line.slice(3) };
      if (line.startsWith('# ')) return { kind: 'center', text: line.slice(2) };
      if (line.startsWith('> ')) return { kind: 'right', text: line.slice(2) };
      return { kind: 'text', text: line };
    });
}

/** Hanweb editors produce plain indented paragraphs with `<strong>` headings. */
export function hanwebBodyHtml(source: string): string {
  return parseBody(source)
    .map((p) => {
      const text = escapeHtml(p.text);
      if (p.kind === 'heading') return `<p style="text-indent:2em;"><strong>${text}</strong></p>`;
      if (p.kind === 'center') return `<p style="text-align:center;"><strong>${text}</strong></p>`;
      if (p.kind === 'right') return `<p style="text-align:right;">${text}</p>`;
      return `<p style="text-indent:2em;">${text}</p>`;
    })
    .join('\n');
}

/** TRS editors wrap every run in font spans and add `&nbsp;` padding. */
export function trsBodyHtml(source: string): string {
  const font = 'font-family: 仿宋_GB2312, 仿宋; font-size: 16pt;';
  return parseBody(source)
    .map((p) => {
      const text = escapeHtml(p.text);
      if (p.kind === 'heading') {
        return `<p style="text-indent: 2em; line-height: 2em;"><span style="font-family: 黑体; font-size: 16pt;">${text}</span></p>`;
      }
      if (p.kind === 'center') {
        return `<p style="text-align: center; line-height: 2em;"><span style="font-family: 方正小标宋简体; font-size: 22pt;">${text}</span></p>`;
      }
      if (p.kind === 'right') {
        return `<p style="text-align: right; line-height: 2em;"><span style="${font}">${text}&nbsp;&nbsp;&nbsp;&nbsp;</span></p>`;
      }
      return `<p style="text-indent: 2em; line-height: 2em;"><span style="${font}">${text}</span></p>`;
    })
    .join('\n');
}
