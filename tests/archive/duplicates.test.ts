import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { listDocumentEvents as listEvents } from '../../src/events/outbox.js';
import { getDocumentByUrl } from '../../src/store/documents.js';
import { openTestArchive, snapshot, type TestArchive } from '../helpers/archive.js';
import { fixtureText, lines } from '../helpers/texts.js';

const qianjiang = fixtureText('plan-qianjiang-001.txt');
const binhu = fixtureText('plan-binhu-000.txt');
const blogRepost = fixtureText('blog-repost-putuo-002.txt');
const traditional = fixtureText('traditional-qixia-003.txt');
const contentFarm = fixtureText('content-farm-changxing-004.txt');

/** The official page behind the blog repost: from the salutation to the last article paragraph. */
function putuoOfficial(): string {
  const all = lines(blogRepost);
  return all
    .slice(
      all.findIndex((line) => line.startsWith('区教育系统各单位')),
      all.findIndex((line) => line.startsWith('喜欢')),
    )
    .join('\n');
}

/** The page the content farm copied: its body without the 相关文章/上一篇/下一篇 tail. */
function changxingOfficial(): string {
  const all = lines(contentFarm);
  return all
    .slice(
      0,
      all.findIndex((line) => line.includes('相关文章')),
    )
    .join('\n');
}

function duplicateOf(test: TestArchive, url: string): string | null | undefined {
  return getDocumentByUrl(test.db, url)?.duplicateOf;
}

function idOf(test: TestArchive, url: string): string {
  return getDocumentByUrl(test.db, url)!.id;
}

describe('near-duplicate linking', () => {
  it('links a blog repost wrapped in view counts and comments to the official page', () => {
    const test = openTestArchive();
    test.record(
      snapshot('http://putuo.example/art/2020/3/12/art_1_1.html', { text: putuoOfficial(), title: '2020年普陀区教育局工作要点', publishedDate: '2020-03-12' }),
    );
    test.record(snapshot('http://blog.example/archives/1234', { text: blogRepost, title: '2020年上海市普陀区教育局工作要点', publishedDate: '2020-03-30' }));
    expect(duplicateOf(test, 'http://blog.example/archives/1234')).toBe(idOf(test, 'http://putuo.example/art/2020/3/12/art_1_1.html'));
    expect(duplicateOf(test, 'http://putuo.example/art/2020/3/12/art_1_1.html')).toBeNull();
  });

  it('links a repost with an added salutation line and chrome', () => {
    const test = openTestArchive();
    const repost = [
      '各位老师、家长:',
      '转发一份重要文件,供大家参考学习。',
      ...lines(qianjiang),
      '(来源:潜江市教育局网站) 阅读 1288',
      '上一篇:关于开展读书月活动的通知',
      '下一篇:2024年寒假安全提醒',
    ].join('\n');
    test.record(snapshot('http://qianjiang.example/art/1.html', { text: qianjiang, publishedDate: '2024-03-08' }));
    test.record(snapshot('http://school.example/news/9.html', { text: repost, publishedDate: '2024-03-11' }));
    expect(duplicateOf(test, 'http://school.example/news/9.html')).toBe(idOf(test, 'http://qianjiang.example/art/1.html'));
  });

  it('links a Traditional rendering (with repeated sections and a 同類文章 tail) to its Simplified original', () => {
    const test = openTestArchive();
    const toTaiwan = Converter({ from: 'cn', to: 'tw' }) as (text: string) => string;
    const paragraphs = lines(qianjiang).map(toTaiwan);
    const rendering = ['您的位置:首頁>正文', ...paragraphs, ...paragraphs.slice(10, 14), '同類文章', 'Next Article'].join('\n');
    test.record(snapshot('http://qianjiang.example/art/1.html', { text: qianjiang, publishedDate: '2024-03-08' }));
    test.record(snapshot('http://tw-mirror.example/a/77.html', { text: rendering }));
    expect(duplicateOf(test, 'http://tw-mirror.example/a/77.html')).toBe(idOf(test, 'http://qianjiang.example/art/1.html'));
  });

  it('links the seed Traditional page to a Simplified version of it', () => {
    const test = openTestArchive();
    const toSimplified = Converter({ from: 't', to: 'cn' }) as (text: string) => string;
    const body = lines(traditional).slice(1, 60).map(toSimplified).join('\n');
    test.record(snapshot('http://qixia.example/art/5.html', { text: body, publishedDate: '2019-05-01' }));
    test.record(snapshot('http://tw-mirror.example/a/78.html', { text: traditional }));
    expect(duplicateOf(test, 'http://tw-mirror.example/a/78.html')).toBe(idOf(test, 'http://qixia.example/art/5.html'));
  });

  it('points to the earliest copy: an official page crawled after its undated content-farm copy becomes the original', () => {
    const test = openTestArchive();
    test.record(snapshot('http://farm.example/fanwen/1.html', { text: contentFarm }));
    test.record(snapshot('http://farm2.example/p/2.html', { text: contentFarm }));
    const farm = idOf(test, 'http://farm.example/fanwen/1.html');
    expect(duplicateOf(test, 'http://farm2.example/p/2.html')).toBe(farm);
    test.record(snapshot('http://changxing.example/art/2022/1/5/art_9_9.html', { text: changxingOfficial(), publishedDate: '2022-01-05' }));
    const official = idOf(test, 'http://changxing.example/art/2022/1/5/art_9_9.html');
    expect(duplicateOf(test, 'http://changxing.example/art/2022/1/5/art_9_9.html')).toBeNull();
    expect(duplicateOf(test, 'http://farm.example/fanwen/1.html')).toBe(official);
    expect(duplicateOf(test, 'http://farm2.example/p/2.html')).toBe(official);
  });

  it('links exact copies (same comparison text) to the first one, never to each other in a chain', () => {
    const test = openTestArchive();
    test.record(snapshot('http://a.example/1.html', { text: qianjiang, publishedDate: '2024-03-08' }));
    test.record(snapshot('http://b.example/1.html', { text: qianjiang.replace(/,/g, ',') }));
    test.record(snapshot('http://c.example/1.html', { text: ` ${qianjiang}\n` }));
    const original = idOf(test, 'http://a.example/1.html');
    expect(duplicateOf(test, 'http://b.example/1.html')).toBe(original);
    expect(duplicateOf(test, 'http://c.example/1.html')).toBe(original);
  });

  it('does not link an excerpt of three paragraphs of a long plan, nor different plans of the same kind', () => {
    const test = openTestArchive();
    const excerpt = lines(binhu)
      .filter((line) => line.length > 60)
      .slice(3, 6)
      .join('\n');
    expect(excerpt.length).toBeGreaterThan(300);
    test.record(snapshot('http://binhu.example/art/1.html', { text: binhu }));
    test.record(snapshot('http://news.example/excerpt.html', { text: excerpt }));
    test.record(snapshot('http://qianjiang.example/art/1.html', { text: qianjiang }));
    test.record(snapshot('http://putuo.example/art/1.html', { text: putuoOfficial() }));
    test.record(snapshot('http://changxing.example/art/1.html', { text: changxingOfficial() }));
    const all = test.db.prepare('SELECT url, duplicate_of FROM documents').all() as { url: string; duplicate_of: string | null }[];
    expect(all).toHaveLength(5);
    expect(all.filter((doc) => doc.duplicate_of !== null)).toEqual([]);
  });

  it('never links short boilerplate pages ("详见附件") to each other', () => {
    const test = openTestArchive();
    test.record(snapshot('http://a.example/notice-1.html', { text: '详见附件。' }));
    test.record(snapshot('http://a.example/notice-2.html', { text: '详见附件。' }));
    expect(duplicateOf(test, 'http://a.example/notice-2.html')).toBeNull();
  });

  it('unlinks a copy whose new version no longer matches its original', () => {
    const test = openTestArchive();
    test.record(snapshot('http://a.example/1.html', { text: qianjiang, publishedDate: '2024-03-08' }));
    test.record(snapshot('http://b.example/1.html', { text: qianjiang }));
    expect(duplicateOf(test, 'http://b.example/1.html')).not.toBeNull();
    expect(test.record(snapshot('http://b.example/1.html', { text: binhu }))).toBe('updated');
    expect(duplicateOf(test, 'http://b.example/1.html')).toBeNull();
  });
});

describe('alerts on duplicates', () => {
  it('does not alert again for a repost of a document already alerted on', () => {
    const test = openTestArchive({
      alerts: [
        { name: 'new-plan', on: ['document.created'], titlePattern: '工作要点|工作计划' },
        { name: 'from-blogs', on: ['document.created'], sources: ['blogs'] },
      ],
    });
    test.archive.upsertSource({ id: 'blogs', name: 'blogs', startUrls: ['http://blog.example/'] });
    test.record(snapshot('http://putuo.example/art/1.html', { text: putuoOfficial(), title: '2020年普陀区教育局工作要点', publishedDate: '2020-03-12' }));
    test.record(snapshot('http://blog.example/archives/1234', { text: blogRepost, title: '2020年上海市普陀区教育局工作要点', source: 'blogs' }));
    test.record(snapshot('http://qianjiang.example/art/1.html', { text: qianjiang, title: '市教育局2024年工作要点' }));
    const alerts = listEvents(test.db).map((event) => [event.url, event.alerts]);
    expect(alerts).toEqual([
      ['http://putuo.example/art/1.html', ['new-plan']],
      // the repost matches new-plan too, but its original already raised it; from-blogs is new
      ['http://blog.example/archives/1234', ['from-blogs']],
      ['http://qianjiang.example/art/1.html', ['new-plan']],
    ]);
  });
});
