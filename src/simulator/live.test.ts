import { afterEach, describe, expect, it } from 'vitest';
import { LinkTokenGetResponseSchema } from '../shared/schemas/link-token-get-response';
import { LIVE_EVENT_COUNT } from './scenarios/live';
import { startSimulator, type RunningSimulator } from './server';
import { lookUpToken, manualClock } from './test-support';

// The live token's session starts at its first lookup and gains an event every liveStepMs; the
// test moves an injected clock instead of waiting.

const LIVE = 'link-sandbox-00000000-0000-4000-8000-000000000013';
const STEP_MS = 3000;
let simulator: RunningSimulator | undefined;
afterEach(() => simulator?.close());

async function session(running: RunningSimulator) {
  const body = LinkTokenGetResponseSchema.parse((await lookUpToken(running, LIVE)).json);
  return { body, session: body.link_sessions![0]! };
}

describe('the live token', () => {
  it('shows one more event every step, newest first, then finishes with a success', async () => {
    const clock = manualClock();
    simulator = await startSimulator({ now: clock.now, liveStepMs: STEP_MS });

    const first = await session(simulator);
    expect(first.session.events!.map((e) => e.event_name)).toEqual(['OPEN']);
    expect(first.session.finished_at).toBeNull();
    expect(Date.parse(first.session.started_at!)).toBe(clock.now().getTime());
    expect(Date.parse(first.body.expiration!)).toBeGreaterThan(clock.now().getTime());

    clock.advance(STEP_MS - 1);
    expect((await session(simulator)).session.events).toHaveLength(1);
    clock.advance(1);
    const second = await session(simulator);
    expect(second.session.events).toHaveLength(2);
    expect(second.session.events![1]).toEqual(first.session.events![0]);

    clock.advance(STEP_MS * 3);
    const midway = await session(simulator);
    expect(midway.session.events).toHaveLength(5);
    expect(midway.session.on_success).toBeUndefined();

    clock.advance(STEP_MS * LIVE_EVENT_COUNT);
    const done = await session(simulator);
    expect(done.session.events).toHaveLength(LIVE_EVENT_COUNT);
    expect(done.session.events![0]!.event_name).toBe('HANDOFF');
    expect(done.session.finished_at).not.toBeNull();
    expect(done.session.on_success!.metadata!.accounts).toHaveLength(2);
    expect(done.session.results!.item_add_results).toHaveLength(1);
  });

  it('starts over in a new simulator', async () => {
    const clock = manualClock();
    const earlier = await startSimulator({ now: clock.now, liveStepMs: STEP_MS });
    await session(earlier);
    clock.advance(STEP_MS * 4);
    expect((await session(earlier)).session.events).toHaveLength(5);
    await earlier.close();

    simulator = await startSimulator({ now: clock.now, liveStepMs: STEP_MS });
    expect((await session(simulator)).session.events).toHaveLength(1);
  });
});

describe('forgetting ended sessions (forgetSessionsAfterMs), as Plaid does after six hours', () => {
  it('leaves the finished live session out once it ended that long ago, and keeps it until then', async () => {
    const clock = manualClock();
    const forgetMs = 60_000;
    simulator = await startSimulator({
      now: clock.now,
      liveStepMs: STEP_MS,
      forgetSessionsAfterMs: forgetMs,
    });
    await session(simulator);
    clock.advance(STEP_MS * LIVE_EVENT_COUNT);
    const done = await session(simulator);
    const endedAt = Date.parse(done.session.finished_at!);

    clock.advance(endedAt + forgetMs - 1 - clock.now().getTime());
    expect((await session(simulator)).session.link_session_id).toBe(done.session.link_session_id);
    clock.advance(1);
    const after = LinkTokenGetResponseSchema.parse((await lookUpToken(simulator, LIVE)).json);
    expect(after.link_sessions).toEqual([]);
  });
});
