// Search latency on a generated archive: `node --import tsx scripts/search-latency.ts [--documents 100000] [--db FILE]`.
// Builds the archive once (straight into the tables: the search indexes fill through their
// triggers, as in a crawl), then times searchDocuments — what `bureau-watch search` runs, minus
// process start-up — over a mix of queries and filters. Prints p50/p95/max overall and per query.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchDocuments, type SearchOptions } from '../src/search/search.js';
import { sha256Hex } from '../src/hash.js';
import { openDatabase, type Db } from '../src/store/database.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const DOCUMENTS = Number(option('--documents', '100000'));
const DATABASE = option('--db', join(tmpdir(), `bureau-watch-search-v4-${DOCUMENTS}.db`));
const ROUNDS = Number(option('--rounds', '20'));

// Words of the kind education-bureau notices are made of (written for this script).
const WORDS = (
  '教育 学校 教师 学生 工作 发展 推进 加强 落实 建设 管理 服务 质量 安全 改革 创新 完善 机制 制度 体系 ' +
  '课程 教学 评价 督导 招生 入学 义务教育 学前教育 高中 职业教育 体育 美育 劳动 德育 心理健康 家庭 社会 协同 ' +
  '资源 均衡 优质 普惠 保障 经费 培训 队伍 师德 考核 信息化 数字化 平台 校园 食品 卫生 防控 应急 演练 宣传 ' +
  '政策 文件 通知 意见 方案 计划 要点 总结 报告 实施 部署 要求 目标 任务 措施 责任 单位 部门 区域 全区 全市 ' +
  '年度 季度 专项 行动 整治 检查 督查 整改 提升 巩固 拓展 深化 统筹 规范 依法 公开 信息 网站 群众 满意'
).split(' ');
const RARE = ['双减', '课后服务', '营商环境', '立德树人', '高质量发展'];
const PUBLISHERS = Array.from({ length: 20 }, (_, i) => `第${i + 1}区教育局`);
const SOURCES = ['src-a', 'src-b', 'src-c', 'src-d'];

const QUERIES: [string, SearchOptions][] = [
  ['学', {}],
  ['督', {}],
  ['教育', {}],
  ['招生', {}],
  ['双减', {}],
  ['督导', {}],
  ['义务教育', {}],
  ['工作要点', {}],
  ['立德树人', {}],
  ['高质量发展', {}],
  ['不存在的词语组合', {}],
  ['双减 课后服务', {}],
  ['教育 工作要点', {}],
  ['招生 入学 管理', {}],
  ['教育', { sources: ['src-b'] }],
  ['招生', { since: '2022-01-01', until: '2022-12-31' }],
  ['督导', { fields: [['publisher', '第3区教育局']] }],
  ['"NEAR(教育 OR 学校)*', {}],
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function build(path: string, count: number): void {
  const db = openDatabase(path);
  const next = random(7);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const now = '2024-07-01T00:00:00.000Z';
  const rawHash = sha256Hex('latency');
  db.prepare("INSERT INTO blobs (hash, compression, size, data) VALUES (?, 'none', 7, ?)").run(rawHash, Buffer.from('latency'));
  for (const id of SOURCES) db.prepare('INSERT INTO sources (id, name, start_urls, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, id, '[]', now, now);
  const insertDocument = db.prepare(`INSERT INTO documents (id, source_id, url, status, first_seen_at, last_changed_at,
    last_checked_at, current_version, content_hash, title_hash) VALUES (?, ?, ?, 'active', ?, ?, ?, 1, ?, ?)`);
  const insertVersion = db.prepare(`INSERT INTO versions (document_id, version, content_hash, title, published_date, fields,
    labels, text, attachments, provenance, fetched_at, http_status, response_headers, charset, charset_source, raw_hash)
    VALUES (?, 1, ?, ?, ?, ?, '{}', ?, '[]', '{}', ?, 200, '{}', 'utf-8', 'header', ?)`);
  const sentence = () => Array.from({ length: 5 + Math.floor(next() * 8) }, () => pick(WORDS)).join('') + pick(['，', '。', '；']);
  for (let start = 0; start < count; start += 1000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        const id = sha256Hex(`doc-${i}`).slice(0, 16);
        // ~1,800 characters on average, as a typical notice's main text.
        const paragraphs = Array.from({ length: 8 + Math.floor(next() * 13) }, () => Array.from({ length: 4 + Math.floor(next() * 6) }, sentence).join(''));
        // Each rare term is in about 2% of the documents, as a specific policy word would be.
        for (const rare of RARE) if (next() < 0.02) paragraphs.push(`${sentence()}${rare}${sentence()}`);
        const text = paragraphs.join('\n');
        const publisher = pick(PUBLISHERS);
        const title = `${publisher}关于${pick(WORDS)}${pick(WORDS)}${next() < 0.1 ? '招生' : ''}工作的${pick(['通知', '意见', '方案', '工作要点'])}`;
        const date = `${2015 + Math.floor(next() * 10)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
        const hash = sha256Hex(text);
        insertDocument.run(id, pick(SOURCES), `http://127.0.0.1/art/${i}.html`, now, now, now, hash, sha256Hex(title));
        insertVersion.run(id, hash, title, date, JSON.stringify({ publisher, publishedDate: date, validity: '有效' }), text, now, rawHash);
      }
    })();
    if (start % 10_000 === 0) process.stderr.write(`  ${start} / ${count} documents\r`);
  }
  db.close();
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

function measure(db: Db): void {
  const all: number[] = [];
  console.log(`| query | filters | hits | p50 ms | p95 ms |\n|---|---|---|---|---|`);
  for (const [query, filters] of QUERIES) {
    const hits = searchDocuments(db, query, { ...filters, limit: 20 }).length; // warm-up
    const own: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      searchDocuments(db, query, { ...filters, limit: 20 });
      own.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    all.push(...own);
    console.log(
      `| \`${query}\` | ${JSON.stringify(filters) === '{}' ? '' : JSON.stringify(filters)} | ${hits} | ${percentile(own, 0.5).toFixed(1)} | ${percentile(own, 0.95).toFixed(1)} |`,
    );
  }
  console.log(
    `\nall ${all.length} searches: p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms`,
  );
}

if (!existsSync(DATABASE)) {
  const started = Date.now();
  process.stderr.write(`building ${DOCUMENTS} documents into ${DATABASE} …\n`);
  rmSync(`${DATABASE}.building`, { force: true });
  build(`${DATABASE}.building`, DOCUMENTS);
  renameSync(`${DATABASE}.building`, DATABASE);
  process.stderr.write(`built in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
const db = openDatabase(DATABASE, { readonly: true });
const { count, chars } = db.prepare('SELECT count(*) AS count, round(avg(length(text))) AS chars FROM versions').get() as { count: number; chars: number };
console.log(
  `search latency: ${count} documents (${chars} characters of text on average), ${ROUNDS} timed rounds per query, limit 20, in process (${process.version})\n`,
);
measure(db);
db.close();
