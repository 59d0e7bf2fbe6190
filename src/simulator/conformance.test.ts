import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specExampleResponse } from '../shared/spec/vendored-spec';
import { FAULT_NAMES, parseFault } from './faults';
import { SCENARIOS } from './scenarios';
import { LIVE_EVENT_COUNT } from './scenarios/live';
import { startSimulator, type RunningSimulator } from './server';
import { describeErrors, specValidators } from './spec-validator';
import { lookUpToken, manualClock, postLinkTokenGet, PLAID_HEADERS } from './test-support';

// Every answer the simulator sends must be one Plaid's own OpenAPI spec (the vendored copy)
// allows: checked here with Ajv on the spec's schemas, independent of our zod schemas.

const strict = specValidators();
const relaxed = specValidators({ relaxEnums: true });

function expectValidResponse(body: unknown): void {
  const valid = strict.response(body);
  expect(valid, describeErrors(strict.response.errors)).toBe(true);
}

function expectValidError(body: unknown): void {
  const valid = strict.error(body);
  expect(valid, describeErrors(strict.error.errors)).toBe(true);
}

const FORWARD_COMPATIBLE = 'forward-compatible';
// Faults that leave no JSON to check (HTML, broken or no answer), or only delay a valid one.
const FAULTS_WITHOUT_PLAID_JSON = new Set([
  'fault-502',
  'fault-malformed-json',
  'fault-truncated',
  'fault-reset',
  'fault-hang',
]);

describe('the spec validator', () => {
  // So that a passing conformance test means something: the validator accepts Plaid's own example
  // answer and rejects what the spec forbids.
  it('accepts the spec’s example and rejects a wrong type, a missing field or a bad enum value', () => {
    expectValidResponse(specExampleResponse);
    const broken = structuredClone(specExampleResponse) as {
      link_sessions: { link_session_id: unknown }[];
      metadata: { country_codes: string[]; client_name?: unknown };
    };
    broken.link_sessions[0]!.link_session_id = 42;
    delete broken.metadata.client_name;
    broken.metadata.country_codes = ['XX'];
    expect(strict.response(broken)).toBe(false);
    expect(strict.response.errors?.map((e) => e.keyword).sort()).toEqual(['enum', 'required', 'type']);
    expect(strict.error({ error_type: 'INVALID_INPUT', error_code: 'X', error_message: 'm' })).toBe(false);
  });
});

describe('simulator answers conform to the Plaid OpenAPI spec', () => {
  const clock = manualClock();
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ now: clock.now, liveStepMs: 1000 });
  });
  afterAll(() => simulator.close());

  const answering = SCENARIOS.filter(
    (s) =>
      s.scenario !== FORWARD_COMPATIBLE &&
      !FAULTS_WITHOUT_PLAID_JSON.has(s.scenario) &&
      s.scenario !== 'fault-latency',
  );
  it.each(answering.map((s) => [s.scenario, s.link_token]))('%s', async (_name, token) => {
    const reply = await lookUpToken(simulator, token);
    if (reply.status === 200) expectValidResponse(reply.json);
    else expectValidError(reply.json);
  });

  it('the large token, with hundreds of sessions and thousands of events', async () => {
    const reply = await lookUpToken(simulator, 'link-sandbox-00000000-0000-4000-8000-000000000011');
    const body = reply.json as { link_sessions: { events: unknown[] }[] };
    expect(body.link_sessions.length).toBeGreaterThanOrEqual(300);
    expect(body.link_sessions.flatMap((s) => s.events).length).toBeGreaterThanOrEqual(2000);
    expectValidResponse(body);
  });

  it('the live token at its start, midway and once finished', async () => {
    const live = 'link-sandbox-00000000-0000-4000-8000-000000000013';
    for (const elapsedMs of [0, 4000, LIVE_EVENT_COUNT * 1000]) {
      const reply = await lookUpToken(simulator, live);
      expectValidResponse(reply.json);
      clock.advance(elapsedMs);
    }
  });

  it('every error the endpoint answers with', async () => {
    const replies = [
      await postLinkTokenGet(simulator, { link_token: 'link-sandbox-ffffffff-ffff-4fff-bfff-ffffffffffff' }),
      await postLinkTokenGet(
        simulator,
        { link_token: 'link-sandbox-00000000-0000-4000-8000-000000000001' },
        {
          'Content-Type': 'application/json',
        },
      ),
      await postLinkTokenGet(
        simulator,
        { link_token: 'link-sandbox-00000000-0000-4000-8000-000000000001' },
        {
          ...PLAID_HEADERS,
          'PLAID-SECRET': 'wrong',
        },
      ),
      await postLinkTokenGet(
        simulator,
        { link_token: 'x' },
        { ...PLAID_HEADERS, 'Plaid-Version': '2099-01-01' },
      ),
      await postLinkTokenGet(simulator, '{not json'),
      await postLinkTokenGet(simulator, { link_token: 'x', access_token: 'y' }),
      await postLinkTokenGet(simulator, { link_token: 42 }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(400);
      expectValidError(reply.json);
    }
  });

  it('the Plaid errors faults stage (500, 503, 429)', async () => {
    for (const number of [2, 4, 5]) {
      const reply = await lookUpToken(simulator, `link-sandbox-00000000-0000-4000-9000-00000000000${number}`);
      expect([500, 503, 429]).toContain(reply.status);
      expectValidError(reply.json);
    }
  });

  it('the answers the fault tokens delay or spoil', () => {
    for (const scenario of SCENARIOS.filter((s) => s.scenario.startsWith('fault-'))) {
      const answer = scenario.answer({
        now: clock.now(),
        requestId: 'r',
        firstLookupAt: clock.now(),
        liveStepMs: 1000,
      });
      expect(answer.kind).toBe('fault');
      if (answer.kind === 'fault') expectValidResponse(answer.body);
    }
  });

  it('answers delayed by the latency fault', async () => {
    const delayed = await startSimulator({ fault: parseFault('latency:1') });
    try {
      expectValidResponse(
        (await lookUpToken(delayed, 'link-sandbox-00000000-0000-4000-8000-000000000003')).json,
      );
    } finally {
      await delayed.close();
    }
  });

  it('knows every fault name it documents', () => {
    for (const name of FAULT_NAMES) expect(() => parseFault(name.replace('<ms>', '10'))).not.toThrow();
  });
});

describe('the forward-compatible answer', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  // It stands for an answer from a Plaid newer than our copy of the spec. Plaid adds enum values
  // without a new API version, so such an answer breaks the spec's enums, and only them: with
  // enums lifted it must be valid, and strictly every violation must be an enum one.
  it('is valid once enums are lifted, and breaks the strict spec only on enums', async () => {
    const reply = await lookUpToken(simulator, 'link-sandbox-00000000-0000-4000-8000-000000000012');
    expect(relaxed.response(reply.json), describeErrors(relaxed.response.errors)).toBe(true);

    expect(strict.response(reply.json)).toBe(false);
    const keywords = new Set(strict.response.errors?.map((e) => e.keyword));
    expect([...keywords]).toEqual(['enum']);
    const paths = strict.response.errors?.map((e) => e.instancePath) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        '/metadata/initial_products/1',
        '/metadata/country_codes/1',
        '/link_sessions/1/results/bank_income_results/0/status',
        '/link_sessions/1/on_success/metadata/transfer_status',
        '/link_sessions/3/exit/error/error_type',
      ]),
    );
  });
});
