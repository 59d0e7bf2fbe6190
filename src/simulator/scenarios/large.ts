import type { LinkSession, LinkTokenGetResponse } from '../../shared/schemas/link-token-get-response';
import { invalidCredentials } from '../errors';
import { fixtureRequestId } from '../ids';
import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, errorThenExit, institutionFields, openAndSelect, view } from './events';
import { FIRST_PLATYPUS, HOUNDSTOOTH_BANK, TARTAN_BANK, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { exitSession, successSession, tokenAnswer } from './sessions';

const LINK_TOKEN = 'link-sandbox-00000000-0000-4000-8000-000000000011';
const LARGE_SESSION_COUNT = 300;
const BANKS = [FIRST_PLATYPUS, TARTAN_BANK, HOUNDSTOOTH_BANK];

// Session i follows one of three stories in turn: linked, wrong credentials, or closed early.
function buildSession(i: number, startedAt: Date): LinkSession {
  const seed = `${LINK_TOKEN}/${i}`;
  const bank = BANKS[i % BANKS.length]!;
  const start = openAndSelect(bank);
  if (i % 3 === 0) {
    return successSession({
      seed,
      startedAt,
      steps: [...start, ...credentialLoginToHandoff(bank, 13)],
      institution: bank,
      accounts: sandboxAccounts(seed),
      environment: 'sandbox',
    });
  }
  if (i % 3 === 1) {
    const error = invalidCredentials(fixtureRequestId(`${seed}/error`));
    return exitSession({
      seed,
      startedAt,
      steps: [
        ...start,
        view('CREDENTIAL', 13, bank),
        { event_name: 'SUBMIT_CREDENTIALS', at: 30, metadata: institutionFields(bank) },
        ...errorThenExit(bank, error, 'requires_credentials', 33),
      ],
      institution: bank,
      error,
      status: 'requires_credentials',
    });
  }
  return exitSession({
    seed,
    startedAt,
    steps: [
      ...start,
      view('CREDENTIAL', 13, bank),
      { event_name: 'EXIT', at: 20, metadata: { exit_status: 'requires_credentials' } },
    ],
    institution: bank,
    error: null,
    status: 'requires_credentials',
  });
}

// Built on first use and kept for the rest of the minute: hundreds of sessions and thousands of
// events cost nothing at startup, and a burst of lookups builds them once. Timestamps move with
// the minute so the token stays active.
let cache: { minute: number; body: LinkTokenGetResponse } | undefined;

function buildBody(minuteStart: Date): LinkTokenGetResponse {
  const createdAt = addSeconds(minuteStart, -3 * HOUR);
  // One session started every 30 seconds since the token was created, newest first.
  const sessions = Array.from({ length: LARGE_SESSION_COUNT }, (_, i) =>
    buildSession(i, addSeconds(createdAt, MINUTE + i * 30)),
  ).reverse();
  // request_id is filled in per request.
  return tokenAnswer({
    linkToken: LINK_TOKEN,
    createdAt,
    lifetimeSeconds: 4 * HOUR,
    metadata: tokenMetadata(),
    sessions,
    requestId: '',
  });
}

export const large: Scenario = {
  scenario: 'large',
  link_token: LINK_TOKEN,
  description: `${LARGE_SESSION_COUNT} sessions and 2,800 events, about 1 MB (for paging, virtual lists and speed).`,
  // The newest session was left at the credentials; the newest decisive one failed.
  diagnosis: { verdict: 'failed', actor: 'end user', findings: ['several-sessions'] },
  answer({ now, requestId }) {
    const minute = Math.floor(now.getTime() / 60_000);
    if (cache?.minute !== minute) cache = { minute, body: buildBody(new Date(minute * 60_000)) };
    return { kind: 'response', body: { ...cache.body, request_id: requestId } };
  },
};
