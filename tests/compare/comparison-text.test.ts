import { describe, expect, it } from 'vitest';
import { describeChange, summarizeChange } from '../../src/compare/change-summary.js';
import { comparisonText } from '../../src/compare/comparison-text.js';
import { diffParagraphs } from '../../src/compare/paragraph-diff.js';
import { diffStyleFor, renderParagraphDiff } from '../../src/compare/render-diff.js';

describe('comparisonText', () => {
  it('folds full-width letters, digits and punctuation to one width', () => {
    expect(comparisonText('２０２４年ＡＢＣ（试行）：第１条')).toBe(comparisonText('2024年ABC(试行):第1条'));
    expect(comparisonText('一、总体要求。“美好教育”《纲要》——见附件…')).toBe(comparisonText('一,总体要求."美好教育"<纲要>--见附件...'));
  });

  it('ignores whitespace, line wrapping, non-breaking and zero-width spaces', () => {
    expect(comparisonText('  一、指导思想\n\n  以习近平\u00a0新时代\u200b中国特色')).toBe(comparisonText('一、指导思想以习近平新时代中国特色'));
  });

  it('reads Traditional characters as Simplified', () => {
    expect(comparisonText('區教育局：推進區域教育現代化，加快實現教育強區目標')).toBe(comparisonText('区教育局:推进区域教育现代化,加快实现教育强区目标'));
  });

  it('finds a Traditional character after characters beyond the BMP and lone surrogates, and converts nothing else', () => {
    expect(comparisonText('𠀀\ud800𪚥 大資料')).toBe(comparisonText('𠀀\ud800𪚥 大数据'));
    expect(comparisonText('\udc00简体𠀀文本')).toBe('\udc00简体𠀀文本');
  });

  it('masks view counters, comment counts and clocks, but not real dates', () => {
    expect(comparisonText('发布时间：2024-03-08 浏览次数：125')).toBe(comparisonText('发布时间：2024-03-08 浏览次数：3,126'));
    expect(comparisonText('admin 5年前 (2020-03-30) 117次浏览 0个评论')).toBe(comparisonText('admin 5年前 (2020-03-30) 118次浏览 2个评论'));
    expect(comparisonText('喜欢 (0) 今天是2024年3月8日 星期五')).toBe(comparisonText('喜欢 (5) 今天是2024年3月9日 星期六'));
    expect(comparisonText('发布时间：2024-03-08')).not.toBe(comparisonText('发布时间：2024-03-09'));
    expect(comparisonText('请查看2023年度报告')).not.toBe(comparisonText('请查看2024年度报告'));
    expect(comparisonText('阅读 1288')).toBe(comparisonText('阅读 1302'));
  });

  it('keeps every real change', () => {
    expect(comparisonText('小学入学率达到100%')).not.toBe(comparisonText('小学入学率达到99%'));
    expect(comparisonText('加强教师队伍建设')).not.toBe(comparisonText('加强干部队伍建设'));
  });
});

describe('paragraph diff and change summary', () => {
  const before = '一、总体要求\n坚持立德树人。\n二、主要任务\n推进教育现代化。';
  const after = '一、总体要求\n坚持立德树人。\n二、主要任务\n推进教育现代化建设。\n三、保障措施';

  it('diffs paragraphs, matching them by comparison form and showing them as published', () => {
    expect(diffParagraphs('一、总体要求\n２０２４年', '一、总体要求\n2024年\n新增段落')).toEqual([
      { kind: 'same', paragraphs: ['一、总体要求', '2024年'] },
      { kind: 'added', paragraphs: ['新增段落'] },
    ]);
    expect(diffParagraphs(before, after).map((hunk) => hunk.kind)).toEqual(['same', 'removed', 'added']);
  });

  it('says which title, fields and paragraphs changed', () => {
    const summary = summarizeChange(
      { title: '2024年工作要点', fields: { validity: '有效', publisher: '市教育局' }, text: before },
      { title: '2024年工作要点（修订）', fields: { validity: '失效', publisher: '市教育局' }, text: after },
    );
    expect(summary).toEqual({ titleChanged: true, fieldsChanged: ['validity'], paragraphsAdded: 2, paragraphsRemoved: 1 });
    expect(describeChange(summary)).toBe('title, fields: validity, +2/-1 paragraphs');
  });
});

describe('diff rendering', () => {
  it('colours removed and added paragraphs only for a terminal', () => {
    const hunks = diffParagraphs('甲\n乙', '甲\n丙');
    expect(renderParagraphDiff(hunks, diffStyleFor({ isTTY: true } as unknown as NodeJS.WritableStream, {}))).toEqual([
      '  甲',
      '\u001b[31m- 乙\u001b[39m',
      '\u001b[32m+ 丙\u001b[39m',
    ]);
    expect(renderParagraphDiff(hunks, diffStyleFor({ isTTY: true } as unknown as NodeJS.WritableStream, { NO_COLOR: '1' }))).toEqual(['  甲', '- 乙', '+ 丙']);
    expect(renderParagraphDiff(hunks, diffStyleFor({} as NodeJS.WritableStream, {}))).toEqual(['  甲', '- 乙', '+ 丙']);
  });
});
