/**
 * MinHash signatures: for each of SIGNATURE_SIZE hash functions, the smallest hash over a
 * document's shingles. The share of positions where two signatures agree estimates the Jaccard
 * similarity of their shingle sets (standard error ≈ √(J(1−J)/120) ≤ 0.05).
 */
export const SIGNATURE_SIZE = 120;

/** One fixed seed per hash function: signatures must stay comparable across runs and releases. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, index) => mix32(0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b)));

export function minhashSignature(shingles: Uint32Array): Uint32Array {
  // Each shingle is mixed once; the i-th hash function is then one xor and one odd multiply of the
  // mixed value (a permutation of 32-bit integers): 3× faster than a full mix per function.
  const mixed = new Uint32Array(shingles.length);
  for (let j = 0; j < shingles.length; j++) mixed[j] = mix32(shingles[j]!);
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < mixed.length; j++) {
      const value = Math.imul(mixed[j]! ^ seed, 0x9e3779b1) >>> 0;
      if (value < min) min = value;
    }
    signature[i] = min;
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of equal positions. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}

/** murmur3's 32-bit finalizer: a cheap, well-mixed permutation of 32-bit integers. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
