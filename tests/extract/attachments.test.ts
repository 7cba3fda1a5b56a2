import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../src/extract/index.js';

function attachmentsOf(body: string, head = '') {
  return extractFromHtml(`<html><head>${head}</head><body>${body}</body></html>`, 'http://www.example.gov.cn/art/2024/3/8/art_1.html').attachments;
}

describe('attachments', () => {
  it('finds every file type the sites use', () => {
    const exts = ['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'ofd', 'zip', 'rar', 'PDF'];
    const found = attachmentsOf(exts.map((e, i) => `<a href="/f/${i}.${e}">文件${i}</a>`).join(''));
    expect(found.map((a) => a.url)).toEqual(exts.map((e, i) => `http://www.example.gov.cn/f/${i}.${e}`));
  });

  it('finds CMS download endpoints and names them by their file', () => {
    expect(attachmentsOf('<a href="/module/download/downfile.jsp?classid=0&amp;filename=2102181406.pdf">文件下载</a>')).toEqual([
      { url: 'http://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=2102181406.pdf', name: '2102181406.pdf' },
    ]);
    expect(attachmentsOf('<a href="/download.do?fileId=1&amp;fileName=%E6%96%B9%E6%A1%88.docx">下载</a>')[0]?.name).toBe('方案.docx');
  });

  it('resolves against the page URL and <base href>', () => {
    expect(attachmentsOf('<a href="a.pdf">甲</a><a href="../b.pdf">乙</a>').map((a) => a.url)).toEqual([
      'http://www.example.gov.cn/art/2024/3/8/a.pdf',
      'http://www.example.gov.cn/art/2024/3/b.pdf',
    ]);
    expect(attachmentsOf('<a href="a.pdf">甲</a>', '<base href="https://files.example.gov.cn/up/">').map((a) => a.url)).toEqual([
      'https://files.example.gov.cn/up/a.pdf',
    ]);
  });

  it('names by link text, else by file name; de-duplicates by URL', () => {
    expect(attachmentsOf('<a href="x/%E9%99%84%E4%BB%B6.pdf"> </a><a href="y.docx">实施方案.docx</a><a href="y.docx">再次链接</a>')).toEqual([
      { url: 'http://www.example.gov.cn/art/2024/3/8/x/%E9%99%84%E4%BB%B6.pdf', name: '附件.pdf' },
      { url: 'http://www.example.gov.cn/art/2024/3/8/y.docx', name: '实施方案.docx' },
    ]);
  });

  it('ignores pages, scripts, mail links and files in navigation or footers', () => {
    expect(
      attachmentsOf(
        '<a href="/a.html">页</a><a href="javascript:dl(\'a.pdf\')">脚本</a><a href="mailto:a@b.cn">邮件</a><div class="footer"><a href="/privacy.pdf">隐私</a></div><nav><a href="/guide.pdf">指南</a></nav>',
      ),
    ).toEqual([]);
  });
});

describe('attachments decided by more than the path', () => {
  it('takes a file type named only in the query, and names it by that file', () => {
    expect(attachmentsOf('<a href="/api/downloadFile?id=77&amp;file_name=%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.docx">附件下载</a>')).toEqual([
      { url: 'http://www.example.gov.cn/api/downloadFile?id=77&file_name=%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.docx', name: '实施方案.docx' },
    ]);
    expect(attachmentsOf('<a href="/show?path=/upload/2024/plan.pdf">下载</a>')[0]?.name).toBe('plan.pdf');
  });

  it('takes a content-disposition file name in the query, and the download attribute', () => {
    const signed = '/obj/8f3a?response-content-disposition=attachment%3Bfilename%3D%22budget.xlsx%22&amp;sig=x';
    expect(attachmentsOf(`<a href="${signed}">下载</a>`)[0]?.name).toBe('budget.xlsx');
    expect(attachmentsOf('<a href="/attach/9812" download="名单.xls">点击下载</a>')).toEqual([
      { url: 'http://www.example.gov.cn/attach/9812', name: '名单.xls' },
    ]);
  });

  it('takes a link whose text names a file, whatever its URL', () => {
    expect(attachmentsOf('<p>附件：<a href="/attach/9813">1.申报表.doc</a> <a href="/attach/9814">政策解读（PDF）</a></p>').map((a) => a.name)).toEqual([
      '1.申报表.doc',
      '政策解读（PDF）',
    ]);
  });

  it('leaves pages whose link text or query only mentions a word like a type', () => {
    expect(attachmentsOf('<a href="/art/2.html">关于印发pdf转换工具的通知</a><a href="/list?type=pdf">文件列表</a>')).toEqual([]);
  });
});
