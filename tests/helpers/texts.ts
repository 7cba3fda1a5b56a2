/** Seed texts (tests/fixtures/texts, described in its README) for the comparison and duplicate tests. */
import { readFileSync } from 'node:fs';

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/texts/${name}`, import.meta.url), 'utf8');
}

/** Non-empty trimmed lines: the paragraphs of a seed text. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
