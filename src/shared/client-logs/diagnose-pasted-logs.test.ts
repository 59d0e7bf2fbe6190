import { describe, expect, it } from 'vitest';
import {
  EVENTS_WEBHOOK_BODY,
  MOBILE_SESSION,
  PUBLIC_TOKEN,
  REACT_NATIVE_LINES,
  SESSION_FINISHED_BODY,
  WEB_SDK_LOG_LINES,
  WEB_SESSION,
} from '../test/client-logs';
import { diagnosePastedLogs, pastedLogsTicket } from './diagnose-pasted-logs';
import { readClientLogs } from './read-client-logs';

const NOW = Date.parse('2026-11-25T18:00:00Z');
const diagnosed = (text: string) => diagnosePastedLogs(readClientLogs(text), NOW);

describe('diagnosePastedLogs', () => {
  it('rebuilds a web-SDK session from its lines and gives the verdict with bank and code', () => {
    const { sessions, diagnosis } = diagnosed(WEB_SDK_LOG_LINES);

    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      link_session_id: WEB_SESSION,
      started_at: '2026-11-25T10:00:00.000Z',
      finished_at: '2026-11-25T10:01:40.000Z',
      exit: { error: { error_code: 'INVALID_CREDENTIALS' }, metadata: { status: 'requires_credentials' } },
    });
    expect(sessions[0]!.events!.map((event) => event.event_name)).toEqual([
      'OPEN',
      'SELECT_INSTITUTION',
      'TRANSITION_VIEW',
      'SUBMIT_CREDENTIALS',
      'ERROR',
      'EXIT',
    ]);
    expect(diagnosis).toMatchObject({ verdict: 'failed', actor: 'end user' });
    expect(diagnosis!.headline).toBe(
      'Link failed at First Platypus Bank with INVALID_CREDENTIALS (exit status requires_credentials).',
    );
    expect(diagnosis!.endUserSaw!.message).toMatch(/^The credentials you provided were incorrect/);
  });

  it('orders a webhook’s events by time and takes the exit and its error from the EXIT event', () => {
    const { sessions, diagnosis } = diagnosed(EVENTS_WEBHOOK_BODY);

    expect(sessions[0]!.events!.map((event) => event.event_name)).toEqual([
      'OPEN',
      'SELECT_INSTITUTION',
      'ERROR',
      'EXIT',
    ]);
    expect(diagnosis!.verdict).toBe('failed');
    expect(diagnosis!.headline).toBe(
      'Link failed at Tartan Bank with INSTITUTION_NOT_RESPONDING (exit status requires_credentials).',
    );
  });

  it('counts an event once when both the app’s onEvent and the EVENTS webhook logged it', () => {
    const [open] = WEB_SDK_LOG_LINES.split('\n');
    const webhook = JSON.stringify({
      webhook_type: 'LINK',
      webhook_code: 'EVENTS',
      link_session_id: WEB_SESSION,
      link_token: 'link-sandbox-79e723b0-0e04-4248-8a33-15ceb6828a45',
      events: [
        { event_id: 'e-1', event_name: 'OPEN', timestamp: '2026-11-25T10:00:00.000Z', event_metadata: {} },
      ],
    });
    expect(diagnosed(`${open}\n${webhook}`).sessions[0]!.events).toHaveLength(1);
  });

  it('groups entries by link_session_id and reads a success from the SDK or SESSION_FINISHED', () => {
    const { sessions, diagnosis } = diagnosed(`${WEB_SDK_LOG_LINES}\n${REACT_NATIVE_LINES}`);
    expect(sessions.map((session) => session.link_session_id)).toEqual([WEB_SESSION, MOBILE_SESSION]);
    expect(diagnosis!.sessions.map((session) => session.verdict).sort()).toEqual(['failed', 'linked']);
    // The newest session speaks (the web one, started later); the other is a note.
    expect(diagnosis!.verdict).toBe('failed');
    expect(diagnosis!.notes).toContain('Another session linked Tartan Bank.');

    const finished = diagnosed(SESSION_FINISHED_BODY);
    expect(finished.diagnosis!.verdict).toBe('linked');
    expect(finished.sessions[0]!.on_success!.public_token).toBe('public-sandbox-••••••');
  });

  it('has no diagnosis when no line named a session', () => {
    expect(diagnosed('nothing here\n{"a":1}')).toEqual({ sessions: [], diagnosis: null });
  });

  it('does not blame a configuration the logs do not show: an OAuth drop-off names no missing redirect_uri', () => {
    const at = (second: number) => `2026-11-25T10:00:${String(second).padStart(2, '0')}.000Z`;
    const line = (name: string, second: number, extra = '') =>
      `onEvent ${name} {"link_session_id":"oauth-session","timestamp":"${at(second)}","institution_name":"Chase"${extra}}`;
    const text = [
      line('OPEN', 0),
      line('SELECT_INSTITUTION', 5, ',"institution_id":"ins_56"'),
      line('OPEN_OAUTH', 9),
      `onExit null {"link_session_id":"oauth-session","status":"requires_oauth","institution":{"name":"Chase","institution_id":"ins_56"}}`,
    ].join('\n');
    const { diagnosis } = diagnosed(text);

    expect(diagnosis).toMatchObject({ verdict: 'abandoned', actor: 'end user' });
    expect(diagnosis!.headline).not.toMatch(/redirect_uri/);
    expect(diagnosis!.explanation).toMatch(/Whether the token has a redirect_uri is not in the logs/);
  });

  it('leaves the configuration findings out: the logs do not say how the token was made', () => {
    expect(diagnosed(WEB_SDK_LOG_LINES).diagnosis!.findings).toEqual([]);
  });
});

describe('pastedLogsTicket', () => {
  it('says the facts came from pasted logs, lists unread lines, and carries no token or secret', () => {
    const text = `${REACT_NATIVE_LINES}\nsecret=0123456789abcdef0123456789abcd`;
    const logs = readClientLogs(text);
    const ticket = pastedLogsTicket(logs, diagnosePastedLogs(logs, NOW), 'text');

    expect(ticket).toContain('Link sessions from pasted client logs (not verified with Plaid)');
    expect(ticket).toContain('Verdict: Linked');
    expect(ticket).toContain(`${MOBILE_SESSION}: Linked at Tartan Bank (ins_127989)`);
    expect(ticket).toContain('Not read (line 3): no JSON on this line: secret=••••••');
    expect(ticket).not.toContain(PUBLIC_TOKEN);
    expect(ticket).not.toContain('0123456789abcdef');
    expect(pastedLogsTicket(logs, diagnosePastedLogs(logs, NOW), 'markdown')).toContain(
      '### Link sessions from pasted client logs',
    );
  });
});
