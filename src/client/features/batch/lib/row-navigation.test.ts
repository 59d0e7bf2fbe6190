import { describe, expect, it } from 'vitest';
import { adjacentToken } from './row-navigation';

describe('adjacentToken', () => {
  const shown = ['a', 'b', 'c'];

  it('steps to the next and previous row shown, and stops at either end', () => {
    expect(adjacentToken(shown, 'b', 1)).toBe('c');
    expect(adjacentToken(shown, 'b', -1)).toBe('a');
    expect(adjacentToken(shown, 'c', 1)).toBeNull();
    expect(adjacentToken(shown, 'a', -1)).toBeNull();
  });

  it('starts at the first or last row when none is open or the open one is filtered away', () => {
    expect(adjacentToken(shown, null, 1)).toBe('a');
    expect(adjacentToken(shown, 'x', -1)).toBe('c');
    expect(adjacentToken([], null, 1)).toBeNull();
  });
});
