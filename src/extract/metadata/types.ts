import type { Element } from '../dom.js';

/** One label/value pair as found, before it becomes a field. */
export interface LabelPair {
  /** Normalised label (no spaces, no colons). */
  label: string;
  /** Value as written, trimmed. */
  value: string;
  /** The reading rule, for provenance: `table:th-td`, `dl:dt-dd`, `inline:label-colon` … */
  rule: string;
}

/** The pairs one container (table, dl, or a run of inline blocks) yields. */
export interface PairGroup {
  /** The element that holds the pairs; it is left out of the main text. */
  container: Element;
  /** Every element to keep out of the main text (the container, or the individual lines). */
  blocks: Element[];
  pairs: LabelPair[];
  /** Tables, lists and multi-label runs are metadata blocks; a lone `发布时间：…` line is a header line. */
  kind: 'block' | 'line';
}
