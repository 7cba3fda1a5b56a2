import { describe, expect, it } from 'vitest';
import { canonicalLabel, fieldLabel, GENERIC_LABEL, INLINE_LABEL, isPlaceholder, labelKey, normalizeLabel } from '../../src/extract/labels.js';
import { stripValueChrome } from '../../src/extract/metadata/values.js';

function inlineLabels(text: string): string[] {
  return [...text.matchAll(INLINE_LABEL)].map((m) => normalizeLabel(m[1] ?? ''));
}

describe('normalizeLabel', () => {
  it('removes ASCII, U+3000, &nbsp; and &ensp; spaces and trailing colons', () => {
    expect(normalizeLabel('索 引 号：')).toBe('索引号');
    expect(normalizeLabel('标　　题:')).toBe('标题');
    expect(normalizeLabel('\u00a0发布机构\u2002:')).toBe('发布机构');
    expect(normalizeLabel(' 文\u3000号 ： ')).toBe('文号');
  });

  it('keeps everything else as written', () => {
    expect(normalizeLabel('主题（一级）')).toBe('主题（一级）');
    expect(normalizeLabel('【发布机构】')).toBe('【发布机构】');
    expect(normalizeLabel('發佈機構：')).toBe('發佈機構');
  });
});

describe('labelKey', () => {
  it('unifies parentheses, drops wrapping brackets and simplifies characters for lookup', () => {
    expect(labelKey('主题（一级）')).toBe('主题(一级)');
    expect(labelKey('【发布机构】')).toBe('发布机构');
    expect(labelKey('發佈機構')).toBe('发布机构');
    expect(canonicalLabel('【发布机构】')?.key).toBe('publisher');
  });
});

describe('canonicalLabel', () => {
  it.each([
    ['索引号', 'indexNo'],
    ['信息索引号', 'indexNo'],
    ['文件索引号', 'indexNo'],
    ['主题分类', 'category'],
    ['组配分类', 'category'],
    ['所属主题', 'category'],
    ['发文机关', 'publisher'],
    ['公开责任部门', 'publisher'],
    ['制发机关', 'publisher'],
    ['发文字号', 'docNo'],
    ['文件编号', 'docNo'],
    ['文号', 'docNo'],
    ['成文日期', 'writtenDate'],
    ['印发日期', 'writtenDate'],
    ['生成日期', 'generatedDate'],
    ['公开日期', 'publishedDate'],
    ['发布时间', 'publishedDate'],
    ['公布日期', 'publishedDate'],
    ['效力状况', 'validity'],
    ['时效性', 'validity'],
    ['主题词', 'keywords'],
    ['内容概述', 'summary'],
    ['标题', 'title'],
    ['名称', 'title'],
    ['公开方式', 'disclosureMethod'],
    ['公开范围', 'disclosureScope'],
    ['公开时限', 'disclosureTerm'],
    ['公开形式', 'disclosureForm'],
    ['有效期', 'validUntil'],
    ['体裁', 'genre'],
    ['公开程序', 'procedure'],
  ])('%s → %s', (label, key) => {
    expect(canonicalLabel(label)?.key).toBe(key);
  });

  it('ranks the more specific synonym first', () => {
    expect(canonicalLabel('发文字号')!.rank).toBeLessThan(canonicalLabel('文号')!.rank);
    expect(canonicalLabel('发布机构')!.rank).toBeLessThan(canonicalLabel('信息来源')!.rank);
  });

  it('keeps 生成日期 apart from 成文日期', () => {
    expect(canonicalLabel('生成日期')?.key).toBe('generatedDate');
    expect(canonicalLabel('成文日期')?.key).toBe('writtenDate');
  });

  it('reads Traditional forms', () => {
    expect(canonicalLabel('索引號')?.key).toBe('indexNo');
    expect(canonicalLabel('發佈機構')?.key).toBe('publisher');
    expect(canonicalLabel('主題分類')?.key).toBe('category');
    expect(canonicalLabel('資訊索引號')?.key).toBe('indexNo');
  });

  it('does not know page words that are not labels', () => {
    expect(canonicalLabel('来源')).toBeUndefined();
    expect(canonicalLabel('附件名称')).toBeUndefined();
  });

  it.each(['责任部门', '发布部门', '责任单位', '来源单位', '公开主体', '发文机关', '发布单位'])('%s → publisher', (label) => {
    expect(canonicalLabel(label)?.key).toBe('publisher');
  });

  it('takes 日期 as the publication date only in a label-colon line', () => {
    expect(fieldLabel('日期', 'header:label-colon')?.key).toBe('publishedDate');
    expect(fieldLabel('日期', 'table:td-td')).toBeUndefined();
    expect(fieldLabel('日期', 'inline:name-value')).toBeUndefined();
    expect(fieldLabel('日期', 'inline:label-colon')!.rank).toBeGreaterThan(fieldLabel('发布日期', 'inline:label-colon')!.rank);
  });

  it('takes 信息来源 as the publisher only inside a table', () => {
    expect(fieldLabel('信息来源', 'table:td-td')?.key).toBe('publisher');
    expect(fieldLabel('信息来源', 'header:label-colon')).toBeUndefined();
  });
});

describe('INLINE_LABEL', () => {
  it('splits a header line at each label followed by a colon', () => {
    expect(inlineLabels('发布时间：2021-02-18 14:06 来源：滨湖区教育局 浏览次数：12')).toEqual(['发布时间', '来源', '浏览次数']);
  });

  it('prefers the longest label and needs a colon', () => {
    expect(inlineLabels('信息索引号：014028901/2021-00544')).toEqual(['信息索引号']);
    expect(inlineLabels('发布机构 某某局')).toEqual([]);
  });

  it('accepts spaced labels and ASCII colons', () => {
    expect(inlineLabels('索 引 号:123 文\u3000号：无')).toEqual(['索引号', '文号']);
  });

  it('does not take a label out of a longer word', () => {
    expect(inlineLabels('附件名称：方案.doc')).toEqual([]);
    expect(inlineLabels('项目名称：校舍维修')).toEqual([]);
  });
});

describe('isPlaceholder', () => {
  it.each(['', '  ', '—  —', '——', '-', '无', '暂无', '/', ' / ', 'null'])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each(['国发〔2019〕5号', '教育/安全', '有效', '无锡市滨湖区教育局', '2021-02-18'])('%j is a value', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('GENERIC_LABEL', () => {
  const generic = (text: string) => [...text.matchAll(GENERIC_LABEL)].map((m) => m[1]);
  it('finds label-shaped runs the lists do not know, standing apart and followed by a colon', () => {
    expect(generic('审批部门：市局 信息类型：公告')).toEqual(['审批部门', '信息类型']);
    expect(generic('项目经办人：王某')).toEqual(['项目经办人']);
  });
  it('never takes a run glued to the text before it, or one that does not end like a label', () => {
    expect(generic('经研究决定：同意')).toEqual([]);
    expect(generic('请与本单位联系人：王某')).toEqual([]);
  });
});

describe('stripValueChrome', () => {
  it.each([
    ['1286 字体：[大 中 小]', '1286'],
    ['2023-01-10 16:40 [大 中 小]', '2023-01-10 16:40'],
    ['2024-01-02 字号：大 中 小', '2024-01-02'],
    ['2018-01-18】 【', '2018-01-18'],
    ['/】', '/'],
    ['2023-01-10 阅读：1286', '2023-01-10'],
    ['某某局 (浏览 1286 次)', '某某局'],
    ['2024-05-05 [大] [中] [小] [打印]', '2024-05-05'],
    ['某某局【打印】【关闭窗口】', '某某局'],
    ['【打印】', ''],
  ])('%j → %j', (value, clean) => {
    expect(stripValueChrome(value)).toBe(clean);
  });

  it.each(['大中小学校', '全民阅读', '国发〔2019〕5号', '（2024）5号', '【某某局】', '体育　运动会', '1286'])('%j stays as written', (value) => {
    expect(stripValueChrome(value)).toBe(value);
  });
});
