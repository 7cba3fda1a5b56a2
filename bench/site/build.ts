import iconv from 'iconv-lite';
import { pageEntry, startBenchHost, type BenchHost } from './serve.js';
import { columnPagePath, documentPage, homePage, listPage, PER_LIST_PAGE, type ColumnLayout, type HostLayout } from './pages.js';
import { seededRandom, title } from './text.js';

/** The generated loopback site: `hosts` servers, each one bureau with `documentsPerHost` documents. */
export interface BenchSite {
  hosts: BenchHost[];
  layouts: HostLayout[];
  /** Pages per host: home + list pages + documents. */
  pagesPerHost: number;
  totalBytes: number;
  close(): Promise<void>;
}

export interface BenchSiteOptions {
  hosts: number;
  documentsPerHost: number;
  columnsPerHost?: number;
}

const COLUMN_NAMES = ['工作计划', '通知公告', '政策文件', '规划信息', '财政预决算', '人事信息', '政策解读', '统计信息'];
const BUREAUS = ['无锡市滨湖区教育局', '潜江市教育局', '普陀区市场监督管理局', '栖霞区卫生健康委员会', '长兴县人力资源和社会保障局', '邯郸市财政局'];

/** Half the hosts (the odd ones) are GBK with the charset declared only in `<meta>`. */
export async function buildBenchSite(options: BenchSiteOptions): Promise<BenchSite> {
  const hosts = await Promise.all(Array.from({ length: options.hosts }, (_, i) => startBenchHost(i)));
  const layouts = hosts.map((host, i) => layoutFor(host, i, hosts, options));
  let totalBytes = 0;
  layouts.forEach((layout, i) => {
    totalBytes += fillPages(hosts[i] as BenchHost, layout, 1000 + i);
  });
  return {
    hosts,
    layouts,
    pagesPerHost: hosts[0]?.pages.size ?? 0,
    totalBytes,
    close: async () => {
      await Promise.all(hosts.map((host) => host.close()));
    },
  };
}

function layoutFor(host: BenchHost, index: number, all: BenchHost[], options: BenchSiteOptions): HostLayout {
  const columnCount = options.columnsPerHost ?? 5;
  const random = seededRandom(index + 1);
  const columns: ColumnLayout[] = Array.from({ length: columnCount }, (_, c) => ({
    id: 1000 + c,
    name: COLUMN_NAMES[c % COLUMN_NAMES.length] as string,
    documents: [],
  }));
  for (let n = 0; n < options.documentsPerHost; n++) {
    const column = columns[n % columnCount] as ColumnLayout;
    // Newest first, one document every ~2 days going back from mid-2024.
    const day = new Date(Date.UTC(2024, 5, 30) - n * 2 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const serial = 3000 + n;
    column.documents.push({
      path: `/art/${y}/${m}/${d}/art_${column.id}_${serial}.html`,
      title: title(random, y, serial),
      date,
      serial,
      seed: index * 1_000_000 + n,
    });
  }
  return {
    baseUrl: host.baseUrl,
    name: BUREAUS[index % BUREAUS.length] as string,
    charset: index % 2 === 1 ? 'gbk' : 'utf-8',
    columns,
    neighbours: all.filter((other) => other !== host).map((other) => other.baseUrl),
  };
}

/** Renders and encodes every page of a host; returns the bytes served. */
function fillPages(host: BenchHost, layout: HostLayout, seed: number): number {
  const encode = (html: string) => (layout.charset === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8'));
  let bytes = 0;
  const put = (path: string, html: string) => {
    const entry = pageEntry(encode(html));
    bytes += entry.body.byteLength;
    host.pages.set(path, entry);
  };
  put('/index.html', homePage(layout));
  const sizes = seededRandom(seed);
  for (const column of layout.columns) {
    const pages = Math.ceil(column.documents.length / PER_LIST_PAGE);
    for (let page = 1; page <= pages; page++) put(columnPagePath(column.id, page), listPage(layout, column, page));
    for (const doc of column.documents) {
      const target = 15_000 + Math.floor(sizes() * 15_000);
      put(doc.path, documentPage(layout, column, doc, seededRandom(doc.seed), target));
    }
  }
  return bytes;
}
