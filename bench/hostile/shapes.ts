/**
 * Hostile page shapes for bench/hostile-pages.ts: pages of up to 10 MB (the default
 * fetch.maxBodyBytes) built to stress the parser and the extractor one way each. Document pages
 * sit at Hanweb-shaped paths (classified as documents by their URL); the list page at a column path.
 */
export interface HostileShape {
  name: string;
  /** What the shape stresses. */
  note: string;
  path: string;
  build(): string;
}

const HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>压力测试页面_某某区人民政府</title></head><body>';
const TAIL = '</body></html>';
const PARAGRAPH = '<p>各单位要认真贯彻落实有关要求，确保工作取得实效，第N段。</p>';

function repeat(count: number, make: (i: number) => string): string {
  const parts: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = make(i);
  return parts.join('');
}

function documentPage(body: string): string {
  return `${HEAD}<h1>关于压力测试的通知</h1><div class="content">${body}</div>${TAIL}`;
}

export const SHAPES: HostileShape[] = [
  {
    name: 'baseline: 14 KB document',
    note: "an ordinary page, for the crawl's own footprint",
    path: '/art/2024/1/1/art_1_1.html',
    build: () => documentPage(repeat(150, (i) => PARAGRAPH.replace('N', String(i)))),
  },
  {
    name: '300,000 paragraphs',
    note: 'a document of 300,000 `<p>` (600,000 nodes)',
    path: '/art/2024/1/1/art_1_2.html',
    build: () => documentPage(repeat(300_000, (i) => `<p>工作要求第${i}段。</p>`)),
  },
  {
    name: '200,000 links, list page',
    note: 'a column page of 200,000 dated `<li><a>` items',
    path: '/col/col1/index.html',
    build: () => `${HEAD}<ul>${repeat(200_000, (i) => `<li><a href="/a/${i}">通知${i}</a>2024-1-2</li>`)}</ul>${TAIL}`,
  },
  {
    name: '200,000 links, document page',
    note: 'a document whose body is 200,000 links',
    path: '/art/2024/1/1/art_1_3.html',
    build: () => documentPage(repeat(200_000, (i) => `<a href="/x/${i}.html">链接${i}</a>`)),
  },
  {
    name: 'nesting 200,000 deep',
    note: '200,000 nested `<div>` around a short body',
    path: '/art/2024/1/1/art_1_4.html',
    build: () => documentPage(`${'<div>'.repeat(200_000)}${PARAGRAPH.replace('N', '1')}${'</div>'.repeat(200_000)}`),
  },
  {
    name: 'nesting 1,900,000 deep',
    note: '10 MB of nested `<div>`: past the node cap',
    path: '/art/2024/1/1/art_1_5.html',
    build: () => documentPage(`${'<div>'.repeat(1_900_000)}${PARAGRAPH.replace('N', '1')}`),
  },
  {
    name: '3,300,000 empty elements',
    note: '10 MB of `<i>`: the most nodes 10 MB can hold',
    path: '/art/2024/1/1/art_1_6.html',
    build: () => documentPage('<i>'.repeat(3_300_000)),
  },
];
