import { describe, expect, it } from 'vitest';
import { neighbour } from './navigation';

describe('neighbour (arrow-key focus)', () => {
  const box = (id: string, x: number, y: number) => ({ id, x, y, w: 10, h: 10 });
  const boxes = [box('a', 0, 0), box('b', 100, 0), box('c', 0, 100), box('d', 100, 90)];

  it('moves to the nearest box in the pressed direction and stops at the edge', () => {
    expect(neighbour(boxes, 'a', 'right')).toBe('b');
    expect(neighbour(boxes, 'a', 'down')).toBe('c');
    expect(neighbour(boxes, 'b', 'down')).toBe('d');
    expect(neighbour(boxes, 'd', 'left')).toBe('c');
    expect(neighbour(boxes, 'a', 'left')).toBeNull();
    expect(neighbour(boxes, 'a', 'up')).toBeNull();
  });
});
