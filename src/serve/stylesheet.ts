/**
 * The web view's only stylesheet, served from /static/style.css: the Content-Security-Policy allows
 * styles from our own origin only (no inline style), and no build step is needed to ship it.
 * Its URL carries a hash of the text, so browsers may cache it for good.
 */
import { createHash } from 'node:crypto';

export const STYLESHEET = `
:root { --fg: #1d232b; --muted: #5b6573; --line: #d9dee5; --bg: #fff; --soft: #f4f6f9; --accent: #1f5fa8;
  --add: #e6f4ea; --add-fg: #116329; --del: #fdecea; --del-fg: #a40e26; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: var(--fg); background: var(--bg); }
header.site { background: #17324d; color: #fff; padding: .5rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
header.site a { color: #fff; text-decoration: none; }
header.site .brand { font-weight: 700; font-size: 1.05rem; }
header.site nav a { margin-right: 1rem; opacity: .85; }
header.site nav a[aria-current="page"] { opacity: 1; border-bottom: 2px solid #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.45rem; line-height: 1.35; margin: .6rem 0 .4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
a { color: var(--accent); }
.muted, .meta { color: var(--muted); font-size: .9rem; }
.meta > * + *::before { content: " · "; }
.url { color: #2b7a3d; font-size: .85rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
time { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; }
form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; background: var(--soft); padding: .8rem; border-radius: 6px; }
form.search label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
form.search input, form.search select, form.search button { font: inherit; padding: .3rem .5rem; }
form.search .query input { width: 22rem; max-width: 100%; }
ol.hits { padding-left: 1.4rem; }
ol.hits li { margin-bottom: 1rem; }
ol.hits .title { font-size: 1.05rem; font-weight: 600; }
mark { background: #ffe58a; color: inherit; padding: 0 1px; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 3px; background: var(--soft); border: 1px solid var(--line); }
.badge.removed, .badge.failed { background: var(--del); color: var(--del-fg); border-color: #f3b8b0; }
.badge.ok, .badge.created { background: var(--add); color: var(--add-fg); border-color: #a7d7b5; }
.badge.running, .badge.interrupted, .badge.updated { background: #fff4d6; color: var(--warn); border-color: #f0d58a; }
.links a { margin-right: 1rem; }
.text p { margin: 0 0 .7rem; overflow-wrap: anywhere; }
.diff { font-size: .93rem; }
.diff .line { padding: .15rem .6rem; border-left: 3px solid transparent; overflow-wrap: anywhere; white-space: pre-wrap; }
.diff .del { background: var(--del); border-left-color: var(--del-fg); }
.diff .add { background: var(--add); border-left-color: var(--add-fg); }
.diff .fold { color: var(--muted); font-style: italic; }
table.side td, table.changes td { width: 50%; white-space: pre-wrap; }
table.side td.del, table.changes td.del { background: var(--del); }
table.side td.add, table.changes td.add { background: var(--add); }
table.side td.fold { color: var(--muted); font-style: italic; text-align: center; }
.chart svg { max-width: 100%; height: auto; }
.chart .bar { fill: var(--accent); }
.chart .axis { stroke: var(--line); }
.chart text { fill: var(--muted); font-size: 11px; }
.warn { color: var(--warn); }
.pager a { margin-right: 1rem; }
footer.site { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); }
`;

/** Short content hash of the stylesheet: its URL changes whenever the text does. */
export const STYLESHEET_VERSION = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = `/static/style-${STYLESHEET_VERSION}.css`;
