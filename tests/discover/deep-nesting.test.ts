import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../src/discover/classify.js';
import { discoverListPage } from '../../src/discover/list-page.js';

// Hostile or broken pages nest thousands of elements deep; a recursive text walk (cheerio's
// .text()) overflows the call stack somewhere past 5,000 levels and the page was lost.
const DEPTH = 8000;
const nested = (inner: string) => `<html><body>${'<div>'.repeat(DEPTH)}${inner}${'</div>'.repeat(DEPTH)}</body></html>`;

describe('discovery on deeply nested pages', () => {
  it('classifies an article nested 8,000 elements deep', () => {
    const $ = cheerio.load(nested(`<h1>通知</h1><p>${'教育工作要点正文。'.repeat(60)}</p>`));
    expect(classifyPage($, 'http://bureau.test/some/page')).toBe('document');
  });

  it('reads the dated items of a list nested 8,000 elements deep', () => {
    const list =
      '<ul><li><a href="/notice/a.html">关于开展督导工作的通知</a> 2024-01-02</li>' +
      '<li><a href="/notice/b.html">关于做好招生工作的通知</a> 2024-01-05</li></ul>';
    const $ = cheerio.load(nested(list));
    const found = discoverListPage($, 'http://bureau.test/notice/index.html');
    expect(found.items.sort()).toEqual(['http://bureau.test/notice/a.html', 'http://bureau.test/notice/b.html']);
  });
});
