import { describe, expect, it } from 'vitest';
import { userSetHeapGrowth } from '../../src/cli/heap-growth.js';

describe('the CLI heap growth policy', () => {
  it("leaves a user's own --heap-growing-percent alone, in either spelling", () => {
    expect(userSetHeapGrowth(['--heap-growing-percent=80'])).toBe(true);
    expect(userSetHeapGrowth(['--enable-source-maps', '--heap_growing_percent=80'])).toBe(true);
  });

  it('applies its own when node has other flags or none', () => {
    expect(userSetHeapGrowth([])).toBe(false);
    expect(userSetHeapGrowth(['--max-old-space-size=512', '--import', 'tsx'])).toBe(false);
  });
});
