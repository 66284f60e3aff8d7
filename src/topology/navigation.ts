/**
 * Keyboard navigation of the diagram: the box that arrow keys move focus to, among the boxes drawn.
 */

/** An arrow key's direction. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** What navigation needs of a box: its id and its rectangle. */
export interface Rect {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The box to move keyboard focus to from `fromId` in `direction`: the nearest box whose centre lies
 * in that direction (distance along the direction counts fully, across it double). Null at the edge.
 */
export function neighbour(boxes: readonly Rect[], fromId: string, direction: Direction): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return boxes[0]?.id ?? null;
  const fx = from.x + from.w / 2;
  const fy = from.y + from.h / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const dx = b.x + b.w / 2 - fx;
    const dy = b.y + b.h / 2 - fy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = b.id;
    }
  }
  return best;
}
