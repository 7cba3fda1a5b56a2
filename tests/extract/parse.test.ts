import { ElementType } from 'domelementtype';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { PageTooComplexError, parseHtml, PARSE_LIMITS } from '../../src/html/parse.js';
import { textOf, walkDescendants } from '../../src/html/walk.js';

function depthOf(root: AnyNode): number {
  let depth = 0;
  let max = 0;
  walkDescendants(
    root,
    (node) => {
      if (node.type !== ElementType.Tag) return false;
      max = Math.max(max, ++depth);
      return true;
    },
    () => {
      depth--;
    },
  );
  return max;
}

function elements(root: AnyNode, name: string): Element[] {
  const out: Element[] = [];
  walkDescendants(root, (node) => {
    if ((node as Element).name === name) out.push(node as Element);
    return true;
  });
  return out;
}

describe('parseHtml', () => {
  it('parses 200,000 nested <div>s, keeping every text in order, with nesting held to the depth cap', { timeout: 30_000 }, () => {
    const html = `<html><body><p>前</p>${'<div>'.repeat(200_000)}<p>深处的正文</p>${'</div>'.repeat(200_000)}<p>后</p></body></html>`;
    const root = parseHtml(html).root()[0] as AnyNode;
    expect(textOf(root)).toBe('前深处的正文后');
    expect(depthOf(root)).toBeLessThanOrEqual(PARSE_LIMITS.maxDepth + 1);
    expect(depthOf(root)).toBeGreaterThanOrEqual(PARSE_LIMITS.maxDepth - 1);
  });

  it('survives unmatched close tags under a deep stack and opening <svg> without end', { timeout: 30_000 }, () => {
    const html = `${'<div>'.repeat(100_000)}${'</b>'.repeat(100_000)}${'<svg>'.repeat(100_000)}<p>尾</p>`;
    expect(textOf(parseHtml(html).root()[0] as AnyNode)).toBe('尾');
  });

  it('leaves pages as written: no implied <html>, <head> or <tbody>', () => {
    const $ = parseHtml('<html><body><table><tr><td>索引号</td><td>123</td></tr></table><p>正文</p></body></html><p>之后</p>');
    const root = $.root()[0] as AnyNode;
    expect(elements(root, 'head')).toHaveLength(0);
    expect(elements(root, 'tbody')).toHaveLength(0);
    expect(elements(root, 'tr')[0]?.parent).toBe(elements(root, 'table')[0]);
    expect(textOf(root)).toBe('索引号123正文之后');
  });

  it('puts a page without <html> or <body> into a <body>, keeping its doctype outside', () => {
    const root = parseHtml('<!DOCTYPE html><title>题</title><p>甲</p>文字<p>乙</p>').root()[0] as AnyNode;
    const [body] = elements(root, 'body');
    expect((root as unknown as { children: AnyNode[] }).children.map((n) => n.type)).toEqual(['directive', 'tag']);
    expect(body?.children.map((n) => (n as Element).name ?? n.type)).toEqual(['title', 'p', 'text', 'p']);
    expect(body?.children.every((n, i, all) => n.parent === body && n.prev === (all[i - 1] ?? null))).toBe(true);
  });

  it('closes what HTML closes implicitly: <p> before a block, <li> before <li>, cells and rows', () => {
    const root = parseHtml('<ul><li>一<li>二</ul><p>段<div>块</div><table><tr><td>a<td>b<tr><td>c</table>').root()[0] as AnyNode;
    expect(elements(root, 'li').map(textOf)).toEqual(['一', '二']);
    expect(elements(root, 'p').map(textOf)).toEqual(['段']);
    expect(elements(root, 'td').map(textOf)).toEqual(['a', 'b', 'c']);
    expect(elements(root, 'tr')).toHaveLength(2);
  });

  it('decodes entities and keeps script text raw', () => {
    const root = parseHtml('<p>&lt;通知&gt;&nbsp;&#x4e00;</p><script>if (a < b) {}</script>').root()[0] as AnyNode;
    expect(textOf(elements(root, 'p')[0] as AnyNode)).toBe('<通知>\u00a0一');
    expect(textOf(elements(root, 'script')[0] as AnyNode)).toBe('if (a < b) {}');
  });

  it('refuses a page over the node cap with an error naming the limit', () => {
    const html = '<i>'.repeat(1_000);
    expect(() => parseHtml(html, { maxDepth: 512, maxNodes: 999 })).toThrow(PageTooComplexError);
    expect(() => parseHtml(html, { maxDepth: 512, maxNodes: 999 })).toThrow(/more than 999 HTML nodes.*limit 999 nodes per page/);
    expect(() => parseHtml(html, { maxDepth: 512, maxNodes: 1_000 })).not.toThrow();
  });
});
