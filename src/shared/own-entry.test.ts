import { describe, expect, it } from 'vitest';
import { ownEntry } from './own-entry';

describe('ownEntry', () => {
  const table = { requires_credentials: 'stopped at the credentials step' };

  it("finds the table's own entries", () => {
    expect(ownEntry(table, 'requires_credentials')).toBe('stopped at the credentials step');
    expect(ownEntry(table, 'requires_code')).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'finds nothing for the inherited name %s',
    (key) => {
      expect(ownEntry(table, key)).toBeUndefined();
    },
  );
});
