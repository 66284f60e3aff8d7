import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './labels';

describe('text measurement', () => {
  it('estimates wider text for more and wider characters', () => {
    expect(textWidth('', 12)).toBe(0);
    expect(textWidth('iiii', 12)).toBeLessThan(textWidth('mmmm', 12));
    expect(textWidth('abc', 12, true)).toBeGreaterThan(textWidth('abc', 12));
    expect(textWidth('abc', 24)).toBeGreaterThan(textWidth('abc', 12));
  });

  it('breaks after dots and hyphens, keeps every line within the width, and ends a cut text with …', () => {
    const lines = wrapText('contoso-orders.private.postgres.database.azure.com', 200, 13, true);
    expect(lines).toEqual(['contoso-orders.private.', 'postgres.database.azure…']);
    expect(wrapText('contoso-orders.private.postgres.database.azure.com', 300, 13, true)).toEqual([
      'contoso-orders.private.postgres.',
      'database.azure.com',
    ]);
    for (const l of lines) expect(textWidth(l, 13, true)).toBeLessThanOrEqual(200);
    const cut = wrapText('a'.repeat(200), 100, 12, false, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    for (const l of cut) expect(textWidth(l, 12)).toBeLessThanOrEqual(100);
    expect(wrapText('short', 100, 12)).toEqual(['short']);
  });
});
