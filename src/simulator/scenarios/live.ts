import { addSeconds, HOUR, MINUTE } from '../time';
import type { Scenario } from '../types';
import { credentialLoginToHandoff, openAndSelect, type EventStep } from './events';
import { FIRST_PLATYPUS, sandboxAccounts } from './institutions';
import { tokenMetadata } from './metadata';
import { openSession, successSession, tokenAnswer } from './sessions';

const LINK_TOKEN = 'link-sandbox-00000000-0000-4000-8000-000000000013';

// The events of the live session, in order; one more becomes visible every liveStepMs.
const FLOW = [...openAndSelect(FIRST_PLATYPUS), ...credentialLoginToHandoff(FIRST_PLATYPUS, 13)];

// A session that unfolds while you watch: it starts when this simulator first answers for the
// token, gains an event every liveStepMs (default 3 s), and finishes with a success after HANDOFF.
// Restarting the simulator starts it over.
export const live: Scenario = {
  scenario: 'live',
  link_token: LINK_TOKEN,
  description: `A session that advances while you watch: a new event every few seconds from the first lookup, then success (${FLOW.length} events).`,
  diagnosis: { verdict: 'in progress', actor: 'end user', findings: [] },
  answer({ now, requestId, firstLookupAt, liveStepMs }) {
    const elapsedMs = Math.max(0, now.getTime() - firstLookupAt.getTime());
    const visible = Math.min(FLOW.length, Math.floor(elapsedMs / liveStepMs) + 1);
    const steps: EventStep[] = FLOW.slice(0, visible).map((step, i) => ({
      ...step,
      at: (i * liveStepMs) / 1000,
    }));
    const seed = `${LINK_TOKEN}/1`;
    const session =
      visible < FLOW.length
        ? openSession({ seed, startedAt: firstLookupAt, steps })
        : successSession({
            seed,
            startedAt: firstLookupAt,
            steps,
            institution: FIRST_PLATYPUS,
            accounts: sandboxAccounts(seed),
            environment: 'sandbox',
          });
    const body = tokenAnswer({
      linkToken: LINK_TOKEN,
      createdAt: addSeconds(firstLookupAt, -MINUTE),
      lifetimeSeconds: 4 * HOUR,
      metadata: tokenMetadata(),
      sessions: [session],
      requestId,
    });
    return { kind: 'response', body };
  },
};

export const LIVE_EVENT_COUNT = FLOW.length;
