import { describe, expect, it } from 'vitest';
import { readBatchSource } from './batch-source';

const TOKEN = 'link-sandbox-11111111-1111-4111-8111-111111111111';

describe('readBatchSource', () => {
  it('keeps no secret: a column named like one is left out, a public token in a value is masked', () => {
    const paste = [
      'user,client_secret,link_token,last_note',
      `u-1,0123456789abcdef0123456789abcd,${TOKEN},got public-sandbox-22222222-2222-4222-8222-222222222222`,
    ].join('\n');

    expect(readBatchSource(paste, [TOKEN])).toEqual({
      columns: ['user', 'last_note'],
      values: { [TOKEN]: ['u-1', 'got public-sandbox-••••••'] },
      occurrences: { [TOKEN]: 1 },
    });
  });
});
