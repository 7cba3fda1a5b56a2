/**
 * Text of one OFD page (GB/T 33190 Content.xml) in reading order. Writers emit TextObjects in any order
 * (often one per glyph run, sometimes per glyph), each placed by its Boundary (x y w h, in mm) plus the
 * TextCode's X/Y inside it. So runs are positioned absolutely, grouped into lines by baseline, and each
 * line read left to right; a wide gap between runs (a table column) becomes a space.
 */
import { attribute, children, textOf, type XmlNode } from './xml.js';

interface Run {
  x: number;
  y: number;
  size: number;
  width: number;
  text: string;
}

/** Deepest PageBlock nesting followed; real files use one or two levels. */
const maxBlockDepth = 32;

export function pageText(page: XmlNode): string {
  const runs: Run[] = [];
  for (const content of children(page, 'Content')) {
    for (const layer of children(content, 'Layer')) collectRuns(layer, runs, 0);
  }
  return linesOf(runs).join('\n');
}

function collectRuns(block: XmlNode, runs: Run[], depth: number): void {
  for (const textObject of children(block, 'TextObject')) runs.push(...textObjectRuns(textObject));
  if (depth >= maxBlockDepth) return;
  for (const nested of children(block, 'PageBlock')) collectRuns(nested, runs, depth + 1);
}

function textObjectRuns(textObject: XmlNode): Run[] {
  const [left = 0, top = 0] = numbers(attribute(textObject, 'Boundary'));
  const size = Number(attribute(textObject, 'Size')) || 3.5;
  const runs: Run[] = [];
  let x = 0;
  let y = 0;
  for (const code of children(textObject, 'TextCode')) {
    const text = textOf(code);
    // X and Y may be left out on a following TextCode: it then goes on where the previous one ended.
    x = optionalNumber(attribute(code, 'X')) ?? x;
    y = optionalNumber(attribute(code, 'Y')) ?? y;
    const width = runWidth(text, attribute(code, 'DeltaX'), size);
    if (text.trim()) runs.push({ x: left + x, y: top + y, size, width, text });
    x += width;
  }
  return runs;
}

function linesOf(runs: Run[]): string[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Run[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(run.y - first.y) <= Math.max(first.size, run.size) * 0.5) line.push(run);
    else lines.push([run]);
  }
  return lines.map(joinLine);
}

function joinLine(line: Run[]): string {
  const ordered = [...line].sort((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of ordered) {
    if (text && run.x - end > run.size * 1.5) text += ' ';
    text += run.text;
    end = run.x + run.width;
  }
  return text;
}

/** Advance of a run: the DeltaX offsets plus one glyph when given, else one em per character. */
function runWidth(text: string, deltaX: string | undefined, size: number): number {
  const offsets = expandDeltas(deltaX);
  const glyphs = Array.from(text).length;
  if (offsets.length === 0) return glyphs * size;
  return offsets.reduce((sum, value) => sum + value, 0) + size;
}

/** DeltaX is a list of numbers where `g N v` stands for N copies of v. */
function expandDeltas(deltaX: string | undefined): number[] {
  const tokens = (deltaX ?? '').trim().split(/\s+/).filter(Boolean);
  const values: number[] = [];
  for (let i = 0; i < tokens.length && values.length < 100_000; i++) {
    if (tokens[i] === 'g') {
      const count = Math.min(Number(tokens[i + 1]) || 0, 100_000);
      const value = Number(tokens[i + 2]) || 0;
      for (let n = 0; n < count; n++) values.push(value);
      i += 2;
    } else {
      values.push(Number(tokens[i]) || 0);
    }
  }
  return values;
}

function numbers(text: string | undefined): number[] {
  return (text ?? '')
    .trim()
    .split(/\s+/)
    .map(Number)
    .map((n) => (Number.isFinite(n) ? n : 0));
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
