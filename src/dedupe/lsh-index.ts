/**
 * Banded LSH over MinHash signatures: 20 bands of 6 rows. Two documents become candidates when
 * all 6 values of any band agree, which happens with probability 1 − (1 − J⁶)²⁰: 0.998 at
 * J = 0.8, 0.27 at J = 0.5, 0.015 at J = 0.3, 2·10⁻⁵ at J = 0.1 (unrelated plans share ≈ 1–7 % of
 * their shingles). A lookup is one primary-key probe per band; the rows it reads are the documents
 * sharing a bucket, not the archive, so its cost does not grow with the number of documents
 * (beyond the few that really share much of the text).
 */
import { SIGNATURE_SIZE, estimatedSimilarity, minhashSignature, mix32 } from './minhash.js';
import { codePoints, lettersAndDigits, shingleHashes, shingleText } from './shingles.js';

/** Bands per signature, of ROWS_PER_BAND signature values each. */
export const BANDS = 20;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

/** Estimated Jaccard similarity from which two texts are the same document (reposts measure ≥ 0.93). */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

/** Texts with fewer letters and digits are never linked: "详见附件" pages are not copies of each other. */
export const MIN_DUPLICATE_CHARS = 60;

export interface Fingerprint {
  signature: Uint32Array;
  shingles: number;
}

export interface DuplicateMatch {
  documentId: string;
  similarity: number;
}

/** What a lookup read: band rows returned by the bucket probes, and signatures compared. */
export interface LookupCost {
  bandProbes: number;
  candidateRows: number;
  signaturesCompared: number;
}

/** The fingerprint of a text, or null when it is too short to be linked as a duplicate. */
export function fingerprint(text: string): Fingerprint | null {
  return fingerprintOfContent(shingleText(text));
}

/** The fingerprint of a text already in comparison form (the store has it at hand). */
export function fingerprintOfComparison(comparison: string): Fingerprint | null {
  return fingerprintOfContent(lettersAndDigits(comparison));
}

function fingerprintOfContent(content: string): Fingerprint | null {
  const codes = codePoints(content);
  if (codes.length < MIN_DUPLICATE_CHARS) return null;
  const shingles = shingleHashes(codes);
  return { signature: minhashSignature(shingles), shingles: shingles.length };
}

/**
 * Where the index keeps its rows: the archive's duplicate tables (src/store/duplicates.ts), or any
 * other table with the same four operations.
 */
export interface SignatureStore {
  idsInBucket(band: number, bucket: number): string[];
  signatureOf(documentId: string): Uint32Array | undefined;
  put(documentId: string, signature: Uint32Array, shingles: number, buckets: number[]): void;
  remove(documentId: string): void;
}

export class DuplicateIndex {
  constructor(private readonly store: SignatureStore) {}

  /** Documents whose signature is at least `threshold` similar, most similar first. */
  lookup(print: Fingerprint, options: { excludeId?: string; threshold?: number } = {}): { matches: DuplicateMatch[]; cost: LookupCost } {
    const cost: LookupCost = { bandProbes: 0, candidateRows: 0, signaturesCompared: 0 };
    const candidates = new Set<string>();
    bandBuckets(print.signature).forEach((bucket, band) => {
      cost.bandProbes++;
      for (const id of this.store.idsInBucket(band, bucket)) {
        cost.candidateRows++;
        if (id !== options.excludeId) candidates.add(id);
      }
    });
    const threshold = options.threshold ?? NEAR_DUPLICATE_SIMILARITY;
    const matches: DuplicateMatch[] = [];
    for (const documentId of candidates) {
      const stored = this.store.signatureOf(documentId);
      if (!stored) continue;
      cost.signaturesCompared++;
      const similarity = estimatedSimilarity(print.signature, stored);
      if (similarity >= threshold) matches.push({ documentId, similarity });
    }
    matches.sort((a, b) => b.similarity - a.similarity || a.documentId.localeCompare(b.documentId));
    return { matches, cost };
  }

  /** Stores (or replaces) a document's fingerprint. */
  put(documentId: string, print: Fingerprint): void {
    this.store.put(documentId, print.signature, print.shingles, bandBuckets(print.signature));
  }

  remove(documentId: string): void {
    this.store.remove(documentId);
  }
}

/** Each band's ROWS_PER_BAND values hashed into one 53-bit bucket (a safe integer for SQLite). */
export function bandBuckets(signature: Uint32Array): number[] {
  const buckets: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let high = band;
    let low = ~band;
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      const value = signature[band * ROWS_PER_BAND + row]!;
      high = mix32(high ^ value);
      low = mix32(low + Math.imul(value, 0x27d4eb2f));
    }
    buckets.push((high & 0x1fffff) * 0x100000000 + (low >>> 0));
  }
  return buckets;
}
