import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/dedupe/lsh-index.js';
import { SIGNATURE_SIZE, estimatedSimilarity, minhashSignature } from '../../src/dedupe/minhash.js';
import { SHINGLE_CHARS, codePoints, shingleHashes, shingleText } from '../../src/dedupe/shingles.js';

const NOTICE = Array.from({ length: 40 }, (_, i) => `第${i}条 各区教育局要落实义务教育阶段“双减”工作要求，做好课后服务𠀀保障。`).join('\n');

describe('document fingerprints', () => {
  it('stay what earlier releases stored: signatures are compared across runs and archives', () => {
    // Pinned from the release that first stored signatures; any change here orphans every stored one.
    const codes = codePoints(shingleText(NOTICE));
    const shingles = shingleHashes(codes);
    const signature = minhashSignature(shingles);
    expect([codes.length, shingles.length]).toEqual([1310, 194]);
    expect([...signature.subarray(0, 4)]).toEqual([14516524, 5713244, 14662754, 14137]);
    expect(createHash('sha256').update(signature).digest('hex').slice(0, 16)).toBe('33f48b775b3e945f');
  });

  it('count a character outside the BMP as one code point, and a lone surrogate as one too', () => {
    expect([...codePoints('a𠀀b')]).toEqual([0x61, 0x20000, 0x62]);
    expect([...codePoints('\ud800x\udc00')]).toEqual([0xd800, 0x78, 0xdc00]);
    expect([...codePoints('end\ud83d')]).toEqual([0x65, 0x6e, 0x64, 0xd83d]);
  });

  it('hold each distinct window once, and none for a text shorter than a window', () => {
    const repeated = codePoints('一二三四五六'.repeat(50));
    expect(shingleHashes(repeated)).toHaveLength(6); // six distinct 5-character windows in a 6-cycle
    expect(shingleHashes(codePoints('一二三四'))).toHaveLength(0);
    expect(shingleHashes(codePoints('一二三四五'.slice(0, SHINGLE_CHARS)))).toHaveLength(1);
    const hashes = shingleHashes(codePoints(NOTICE));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('find a lightly edited copy similar and an unrelated text not', () => {
    const original = fingerprint(NOTICE)!;
    const edited = fingerprint(NOTICE.replace('第3条', '第三条').replace('课后服务', '课后托管服务'))!;
    const unrelated = fingerprint(Array.from({ length: 40 }, (_, i) => `${i}号 市卫生健康委关于开展秋冬季传染病防控的通知。`).join('\n'))!;
    expect(original.signature).toHaveLength(SIGNATURE_SIZE);
    expect(estimatedSimilarity(original.signature, edited.signature)).toBeGreaterThanOrEqual(0.8);
    expect(estimatedSimilarity(original.signature, unrelated.signature)).toBeLessThan(0.1);
  });
});
