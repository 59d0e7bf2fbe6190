import { describe, expect, it } from 'vitest';
import {
  EVENTS_WEBHOOK_BODY,
  IOS_EXIT_LINE,
  LOGS_LINK_TOKEN,
  MOBILE_SESSION,
  REACT_NATIVE_LINES,
  SESSION_FINISHED_BODY,
  WEB_SDK_LOG_LINES,
  WEB_SESSION,
} from '../test/client-logs';
import { looksLikeClientLogs } from './paste-check';
import { readClientLogs } from './read-client-logs';

describe('readClientLogs', () => {
  it('reads web-SDK onEvent and onExit lines with their prefixes, in snake_case', () => {
    const logs = readClientLogs(WEB_SDK_LOG_LINES);

    expect(logs.unread).toEqual([]);
    expect(logs.used.map((entry) => [entry.firstLine, entry.shape])).toEqual([
      [1, 'web SDK onEvent'],
      [2, 'web SDK onEvent'],
      [3, 'web SDK onEvent'],
      [4, 'web SDK onEvent'],
      [5, 'web SDK onEvent'],
      [6, 'web SDK onEvent'],
      [7, 'web SDK onExit'],
    ]);
    const transition = logs.used[2]!.record;
    expect(transition).toMatchObject({
      kind: 'event',
      linkSessionId: WEB_SESSION,
      event: {
        event_name: 'TRANSITION_VIEW',
        timestamp: '2026-11-25T10:00:21.000Z',
        event_metadata: {
          view_name: 'CREDENTIAL',
          institution_name: 'First Platypus Bank',
          request_id: 'm8MDnv9okwxFNBV',
        },
      },
    });
    // Logged nulls are not values.
    expect(transition.kind === 'event' && 'error_code' in transition.event.event_metadata).toBe(false);
    expect(logs.used[6]!.record).toMatchObject({
      kind: 'exit',
      exit: {
        error: { error_code: 'INVALID_CREDENTIALS', error_type: 'ITEM_ERROR' },
        metadata: { status: 'requires_credentials', institution: { institution_id: 'ins_109508' } },
      },
    });
  });

  it('reads the web SDK callbacks logged as a JSON array of their arguments', () => {
    const line = JSON.stringify([
      'SEARCH_INSTITUTION',
      { link_session_id: 's-1', institution_search_query: 'plat', timestamp: '2026-11-25T10:00:00Z' },
    ]);
    const exitLine = JSON.stringify([null, { link_session_id: 's-1', status: 'institution_not_found' }]);
    const logs = readClientLogs(`${line}\n${exitLine}`);
    expect(logs.used.map((entry) => entry.record.kind)).toEqual(['event', 'exit']);
    expect(logs.used[0]!.record).toMatchObject({
      event: { event_name: 'SEARCH_INSTITUTION', event_metadata: { institution_search_query: 'plat' } },
    });
  });

  it('reads React Native / Android objects in camelCase and LinkKit’s linkSessionID', () => {
    const logs = readClientLogs(`${REACT_NATIVE_LINES}\n${IOS_EXIT_LINE}`);

    expect(logs.unread).toEqual([]);
    expect(logs.used.map((entry) => entry.shape)).toEqual([
      'iOS / Android / React Native onEvent',
      'iOS / Android / React Native onSuccess',
      'iOS / Android / React Native onExit',
    ]);
    expect(logs.used[0]!.record).toMatchObject({
      kind: 'event',
      linkSessionId: MOBILE_SESSION,
      event: {
        event_name: 'TRANSITION_VIEW',
        event_metadata: { view_name: 'SELECT_ACCOUNT', institution_id: 'ins_127989' },
      },
    });
    expect(logs.used[1]!.record).toMatchObject({
      kind: 'success',
      success: {
        public_token: 'public-sandbox-••••••',
        metadata: {
          institution: { name: 'Tartan Bank', institution_id: 'ins_127989' },
          accounts: [{ mask: '0000', subtype: 'checking' }],
        },
      },
    });
    expect(logs.used[2]!.record).toMatchObject({
      kind: 'exit',
      linkSessionId: '8b1c2d3e-4f50-4617-8283-94a5b6c7d8e9',
      exit: {
        error: { error_code: 'INVALID_MFA', display_message: 'The code you entered was incorrect.' },
        metadata: { status: 'requires_code', request_id: 'Xy7PqRsT9uVwAbC' },
      },
    });
  });

  it('reads a pretty-printed EVENTS webhook body as one entry over its lines, and its link token', () => {
    const logs = readClientLogs(`Received webhook:\n${EVENTS_WEBHOOK_BODY}`);
    const lineCount = EVENTS_WEBHOOK_BODY.split('\n').length;

    expect(logs.used).toHaveLength(1);
    expect(logs.used[0]).toMatchObject({
      firstLine: 2,
      lastLine: lineCount + 1,
      shape: 'LINK EVENTS webhook',
    });
    expect(logs.used[0]!.record).toMatchObject({
      kind: 'events webhook',
      linkSessionId: MOBILE_SESSION,
      linkToken: LOGS_LINK_TOKEN,
    });
    expect(
      logs.used[0]!.record.kind === 'events webhook' &&
        logs.used[0]!.record.events.map((event) => event.event_name),
    ).toEqual(['EXIT', 'OPEN', 'SELECT_INSTITUTION', 'ERROR']);
    expect(logs.unread).toEqual([
      { firstLine: 1, lastLine: 1, snippet: 'Received webhook:', reason: 'no JSON on this line' },
    ]);
    expect(logs.linkTokens).toEqual([LOGS_LINK_TOKEN]);
  });

  it('reads a SESSION_FINISHED webhook body with its public tokens masked', () => {
    const logs = readClientLogs(SESSION_FINISHED_BODY);
    expect(logs.used[0]!.record).toEqual({
      kind: 'session finished webhook',
      linkSessionId: MOBILE_SESSION,
      linkToken: LOGS_LINK_TOKEN,
      status: 'SUCCESS',
      publicTokens: ['public-sandbox-••••••'],
    });
    expect(logs.maskedCount).toBe(1);
  });

  it('reads a JSON array of entries', () => {
    const entries = REACT_NATIVE_LINES.split('\n').map((line) => JSON.parse(line) as unknown);
    const logs = readClientLogs(JSON.stringify(entries, null, 2));
    expect(logs.used.map((entry) => entry.record.kind)).toEqual(['event', 'success']);
  });

  it('lists every line it could not read with the reason, malformed and mixed lines among read ones', () => {
    const text = [
      'App started',
      WEB_SDK_LOG_LINES.split('\n')[0],
      'onEvent OPEN {"link_session_id": "broken',
      '{"user":"someone","action":"login"}',
      '{"eventName":"OPEN","metadata":{"viewName":"CONSENT"}}',
      '{"view_name":"CONSENT","link_session_id":"s-2"}',
      '',
      '{"webhook_type":"LINK","webhook_code":"EVENTS","link_token":"x"}',
    ].join('\n');
    const logs = readClientLogs(text);

    expect(logs.used.map((entry) => entry.firstLine)).toEqual([2]);
    expect(logs.unread.map(({ firstLine, reason }) => [firstLine, reason])).toEqual([
      [1, 'no JSON on this line'],
      [3, 'no JSON on this line'],
      [4, 'JSON, but not a Link callback or a LINK webhook'],
      [5, 'a Link callback without a link_session_id'],
      [6, 'Link metadata without the callback or event name before it'],
      [8, 'a LINK EVENTS webhook without a link_session_id'],
    ]);
  });

  it('never shows a secret in what it lists as unread', () => {
    const logs = readClientLogs(
      'config secret=0123456789abcdef0123456789abcd access-sandbox-55555555-5555-4555-8555-555555555555',
    );
    expect(logs.unread[0]!.snippet).toBe('config secret=•••••• access-sandbox-••••••');
  });
});

describe('looksLikeClientLogs', () => {
  it('tells Link logs and webhook bodies from a token list', () => {
    expect(looksLikeClientLogs(WEB_SDK_LOG_LINES)).toBe(true);
    expect(looksLikeClientLogs(REACT_NATIVE_LINES)).toBe(true);
    expect(looksLikeClientLogs(EVENTS_WEBHOOK_BODY)).toBe(true);
    expect(looksLikeClientLogs(`${LOGS_LINK_TOKEN}\nlink-sandbox-11111111-1111-4111-8111-111111111111`)).toBe(
      false,
    );
  });
});
