import type { LinkEvent } from '../../shared/schemas/link-token-get-response';
import { fixtureRequestId, fixtureUuid } from '../ids';
import { addSeconds, plaidTime } from '../time';
import type { Institution } from './institutions';

// One Link event of a fixture session, timed in seconds after the session started.
export interface EventStep {
  event_name: string;
  at: number;
  metadata?: Record<string, string>;
}

// Turns steps into Plaid's events. Plaid lists a session's events newest first (see the spec's
// example answer), so the fixtures do too.
export function buildEvents(seed: string, startedAt: Date, steps: readonly EventStep[]): LinkEvent[] {
  return steps
    .map((step, index) => ({
      event_id: fixtureUuid(`${seed}/event/${index}`),
      event_name: step.event_name,
      timestamp: plaidTime(addSeconds(startedAt, step.at)),
      event_metadata: { request_id: fixtureRequestId(`${seed}/event/${index}`), ...step.metadata },
    }))
    .reverse();
}

export function view(viewName: string, at: number, institution?: Institution): EventStep {
  return {
    event_name: 'TRANSITION_VIEW',
    at,
    metadata: { view_name: viewName, ...institutionFields(institution) },
  };
}

export function institutionFields(institution?: Institution): Record<string, string> {
  return institution
    ? { institution_id: institution.institution_id, institution_name: institution.name }
    : {};
}

// The start every Link flow shares: open, consent, search and pick an institution.
export function openAndSelect(institution: Institution, at = 0): EventStep[] {
  return [
    { event_name: 'OPEN', at },
    view('CONSENT', at + 1),
    view('SELECT_INSTITUTION', at + 6),
    {
      event_name: 'SEARCH_INSTITUTION',
      at: at + 9,
      metadata: { institution_search_query: institution.name.split(' ')[0]!.toLowerCase() },
    },
    { event_name: 'SELECT_INSTITUTION', at: at + 12, metadata: institutionFields(institution) },
  ];
}

// A username / password login that succeeds, from the credential view to HANDOFF.
export function credentialLoginToHandoff(institution: Institution, at: number): EventStep[] {
  return [
    view('CREDENTIAL', at, institution),
    { event_name: 'SUBMIT_CREDENTIALS', at: at + 21, metadata: institutionFields(institution) },
    view('LOADING', at + 22, institution),
    view('SELECT_ACCOUNT', at + 27, institution),
    view('CONNECTED', at + 35, institution),
    { event_name: 'HANDOFF', at: at + 38, metadata: institutionFields(institution) },
  ];
}

// How a session that fails ends: Link reports the ERROR, shows its error view, then the user
// exits. Both events carry the error, EXIT also the exit status.
export function errorThenExit(
  institution: Institution | undefined,
  error: { error_type: string; error_code: string; error_message: string },
  exitStatus: string,
  at: number,
): EventStep[] {
  const errorFields = {
    error_type: error.error_type,
    error_code: error.error_code,
    error_message: error.error_message,
  };
  return [
    { event_name: 'ERROR', at, metadata: { ...institutionFields(institution), ...errorFields } },
    view('ERROR', at + 1, institution),
    {
      event_name: 'EXIT',
      at: at + 9,
      metadata: { ...institutionFields(institution), ...errorFields, exit_status: exitStatus },
    },
  ];
}
