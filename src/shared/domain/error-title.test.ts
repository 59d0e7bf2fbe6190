import { describe, expect, it } from 'vitest';
import { proxyError } from '../schemas/proxy-error';
import { errorTitle } from './error-title';

describe('errorTitle', () => {
  it('says what to do about a busy server or a wrong address, not merely that the lookup failed', () => {
    expect(errorTitle(proxyError('SERVER_BUSY', 'busy', 'r1'))).toBe(
      'The inspector’s server is busy: try again in a moment',
    );
    expect(errorTitle(proxyError('FORBIDDEN_HOST', 'wrong name', 'r2'))).toBe(
      'The inspector’s server does not answer to this address',
    );
  });

  it('falls back to a title per source for codes it has none for', () => {
    expect(errorTitle(proxyError('NOT_FOUND', 'no such endpoint', 'r3'))).toBe(
      'The inspector could not complete the lookup',
    );
  });
});
