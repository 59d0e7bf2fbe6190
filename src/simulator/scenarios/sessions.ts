import type {
  Account,
  LinkSession,
  LinkSessionResults,
  LinkTokenGetResponse,
} from '../../shared/schemas/link-token-get-response';
import type { PlaidError } from '../../shared/schemas/plaid-error';
import { fixtureUuid } from '../ids';
import { addSeconds, plaidPreciseTime, plaidTime } from '../time';
import { buildEvents, type EventStep } from './events';
import type { Institution } from './institutions';

export type Environment = 'sandbox' | 'production';

// Results with every list empty, as Plaid sends them when a session produced nothing of a kind.
export function emptyResults(): NonNullable<LinkSessionResults> {
  return {
    item_add_results: [],
    cra_item_add_results: [],
    cra_update_results: [],
    bank_income_results: [],
    payroll_income_results: [],
    document_income_results: null,
  };
}

export function publicToken(seed: string, environment: Environment): string {
  return `public-${environment}-${fixtureUuid(`${seed}/public-token`)}`;
}

interface SessionBase {
  seed: string;
  startedAt: Date;
  steps: readonly EventStep[];
}

// A session still running: no finished_at, no outcome yet.
export function openSession({ seed, startedAt, steps }: SessionBase): LinkSession {
  const linkSessionId = fixtureUuid(`${seed}/session`);
  return {
    link_session_id: linkSessionId,
    started_at: plaidPreciseTime(startedAt),
    finished_at: null,
    events: buildEvents(seed, startedAt, steps),
  };
}

// A session that ended in onSuccess: one Item added, reported both in results.item_add_results and
// in the deprecated on_success, the way Plaid still sends both.
export function successSession(
  base: SessionBase & {
    institution: Institution | null;
    accounts: Account[];
    environment: Environment;
    results?: Partial<NonNullable<LinkSessionResults>>;
  },
): LinkSession {
  const session = openSession(base);
  const token = publicToken(base.seed, base.environment);
  return {
    ...session,
    finished_at: plaidPreciseTime(finishTime(base)),
    on_success: {
      public_token: token,
      metadata: {
        institution: base.institution,
        accounts: base.accounts,
        link_session_id: session.link_session_id,
        transfer_status: null,
      },
    },
    results: {
      ...emptyResults(),
      item_add_results: [{ public_token: token, accounts: base.accounts, institution: base.institution }],
      ...base.results,
    },
  };
}

// A session that ended in onExit, with or without an error. Plaid sends the exit both as `exit`
// and as the deprecated `on_exit`.
export function exitSession(
  base: SessionBase & { institution: Institution | null; error: PlaidError | null; status: string },
): LinkSession {
  const session = openSession(base);
  const exit = {
    error: base.error,
    metadata: {
      institution: base.institution,
      status: base.status,
      link_session_id: session.link_session_id,
      request_id: session.events?.[0]?.event_metadata.request_id ?? '',
    },
  };
  return {
    ...session,
    finished_at: plaidPreciseTime(finishTime(base)),
    exit,
    on_exit: exit,
    results: emptyResults(),
  };
}

// Sessions end a moment after their last event.
function finishTime({ startedAt, steps }: SessionBase): Date {
  const last = Math.max(0, ...steps.map((step) => step.at));
  return addSeconds(startedAt, last + 1);
}

// The answer's envelope: the token's timestamps and configuration around its sessions.
export function tokenAnswer(fields: {
  linkToken: string;
  createdAt: Date;
  lifetimeSeconds: number;
  metadata: LinkTokenGetResponse['metadata'];
  sessions: LinkSession[];
  requestId: string;
}): LinkTokenGetResponse {
  return {
    link_token: fields.linkToken,
    created_at: plaidTime(fields.createdAt),
    expiration: plaidTime(addSeconds(fields.createdAt, fields.lifetimeSeconds)),
    metadata: fields.metadata,
    link_sessions: fields.sessions,
    request_id: fields.requestId,
  };
}
