/** Bureau document pages whose paragraphs come from a real plan (the fixture corpus), for the crawl command's tests. */
import type { BureauPage } from '../helpers/pages.js';
import { fixtureText, lines } from '../helpers/texts.js';

const PLAN = lines(fixtureText('plan-qianjiang-001.txt')).filter((line) => line.length > 40);

/** A page titled `title` with five of the plan's paragraphs from `from` on. */
export function planPage(title: string, from: number, published: string): BureauPage {
  return { title, paragraphs: PLAN.slice(from, from + 5), published, views: 10, sidebar: [] };
}
