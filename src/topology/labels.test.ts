import { describe, expect, it } from 'vitest';
import { NODE_ICON } from './icons';
import { cardLabels, CHIP, leafCard, PAD, textWidth, wrapText } from './labels';
import type { TopoNode } from './model';

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

describe('icons in cards', () => {
  const base: TopoNode = {
    id: 'n',
    kind: 'peeredVnet',
    parent: null,
    role: 'Peered VNet',
    title: 'a-rather-long-vnet-name',
    lines: ['short'],
    badges: [],
    paths: [],
    tone: 'normal',
  };

  it('puts the icon at the top left and the title right of it, with room for both in the width', () => {
    const card = leafCard(base);
    const labels = cardLabels(card, 100, 50);
    const icon = labels.find((l) => l.kind === 'icon');
    const title = labels.find((l) => l.kind === 'title');
    expect(icon).toEqual({ owner: 'n', kind: 'icon', x: 100 + PAD, y: 50 + PAD, w: 16, h: 16 });
    expect(title?.x).toBe(100 + PAD + 16 + 5);
    expect((title?.x ?? 0) + (title?.w ?? 0)).toBeLessThanOrEqual(100 + card.w - PAD);
    // The lines under the title start at the box's padding, as without an icon.
    expect(labels.find((l) => l.kind === 'lines')?.x).toBe(100 + PAD);
    const without = leafCard({ ...base, kind: 'note' });
    expect(card.w - without.w).toBe(16 + 5);
    expect(cardLabels(without, 100, 50).some((l) => l.kind === 'icon')).toBe(false);
  });

  it('wraps a long title short of the icon, and draws no icon in a client box', () => {
    const long = { ...base, title: 'x'.repeat(80) };
    const card = leafCard(long);
    for (const t of card.titleLines) expect(textWidth(t, 13, true) + 16 + 5).toBeLessThanOrEqual(card.w - 2 * PAD);
    const chip = leafCard({ ...base, kind: 'client' }, CHIP, true);
    expect(cardLabels(chip, 0, 0).some((l) => l.kind === 'icon')).toBe(false);
    expect(NODE_ICON.client).toBeNull();
  });
});
