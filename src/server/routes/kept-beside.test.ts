import { describe, expect, it } from 'vitest';
import { holdsSession } from './kept-beside';

// A lookup sends beside Plaid's answer only the kept sessions the answer lacks, found by searching
// Plaid's bytes for each kept session's id (kept.test.ts runs whole lookups).

const bytes = (text: string) => Buffer.from(text);

describe("finding a kept session in Plaid's answer", () => {
  it('finds a session whose id is a link_session_id, however the JSON is spaced', () => {
    expect(holdsSession(bytes('{"link_sessions":[{"link_session_id":"s-1"}]}'), 's-1')).toBe(true);
    expect(holdsSession(bytes('{"link_sessions":[{ "link_session_id" :\n\t"s-1" }]}'), 's-1')).toBe(true);
    expect(holdsSession(bytes('{"link_sessions":[{"link_session_id":"s-ü"}]}'), 's-ü')).toBe(true);
  });

  it('does not find a session the answer lacks, nor one whose id it only mentions elsewhere', () => {
    const answer = bytes(
      '{"note":"s-1","link_sessions":[{"link_session_id":"s-10","events":[{"request_id":"s-1"}]}]}',
    );
    expect(holdsSession(answer, 's-1')).toBe(false);
    expect(holdsSession(answer, 's-2')).toBe(false);
    expect(holdsSession(bytes('{"link_sessions":[]}'), 's-1')).toBe(false);
  });

  it('finds a session whose id is mentioned elsewhere first', () => {
    const answer = bytes('{"note":"s-1","link_sessions":[{"link_session_id":"s-1"}]}');
    expect(holdsSession(answer, 's-1')).toBe(true);
  });

  it('finds an id with characters JSON escapes as Plaid writes it', () => {
    const answer = bytes(JSON.stringify({ link_sessions: [{ link_session_id: 's"1\\' }] }));
    expect(holdsSession(answer, 's"1\\')).toBe(true);
    expect(holdsSession(answer, 's')).toBe(false);
  });
});
