import { describe, expect, it } from 'vitest';
import { captureLogs } from '../testing/log-capture';
import { createLogger, REDACTED } from './logger';

describe('createLogger', () => {
  it('writes JSON lines with an ISO time and a readable level', () => {
    const logs = captureLogs();
    createLogger({ level: 'info', destination: logs.destination }).info({ user: 'alice' }, 'lookup');
    expect(logs.lines()).toEqual([expect.objectContaining({ level: 'info', msg: 'lookup', user: 'alice' })]);
    expect(String(logs.lines()[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials wherever a logged object carries them, and keeps link tokens', () => {
    const logs = captureLogs();
    const logger = createLogger({ level: 'info', destination: logs.destination });
    logger.info(
      {
        body: { link_token: 'link-sandbox-abc', client_id: 'client-1', secret: 'sec-1' },
        request: { headers: { authorization: 'Basic YWxpY2U6cHc=', 'plaid-secret': 'sec-2' } },
        item: { access_token: 'access-sandbox-xyz', nested: { secret: 'sec-3' } },
        password: 'pw',
      },
      'careless',
    );
    const text = logs.text();
    for (const secret of ['sec-1', 'sec-2', 'sec-3', 'YWxpY2U6cHc=', 'access-sandbox-xyz', '"pw"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
    expect(text).toContain('link-sandbox-abc');
  });

  it('writes nothing below its level', () => {
    const logs = captureLogs();
    createLogger({ level: 'warn', destination: logs.destination }).info('quiet');
    expect(logs.text()).toBe('');
  });
});
