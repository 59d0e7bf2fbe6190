import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { Counter, Gauge, type Metric, type Registry } from 'prom-client';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import type { Config } from '../config';
import { chooseCredentials } from '../routes/credentials';
import type { DueRecording } from '../store/recordings';
import type { Store } from '../store/store';
import { createBytesInFlight } from '../upstream/bytes-in-flight';
import { getLinkToken, type PlaidOutcome } from '../upstream/plaid-client';
import { secretPatterns } from '../upstream/secret-echo';
import { minuteBudget } from './minute-budget';
import { readAnswer } from './read-answer';
import { nextStep, type PollSeen } from './schedule';

// The recorder (docs/api.md, Recordings): polls Plaid's /link/token/get for every token registered
// through POST /api/recordings, with the server's own credentials, and keeps every answer that
// changed, so sessions outlive Plaid's six hours. Every RECORDER_POLL_MS it leases the tokens due
// from the store (each token to one instance at a time), within this instance's per-minute budget
// (RECORDER_MAX_PER_MINUTE), polls them, and writes when each is due next (schedule.ts).

export type Recorder = {
  registerMetrics(registry: Registry): void;
  // Stops polling; resolves once the polls in progress are written.
  stop(): Promise<void>;
};

// Tokens polled at once by one instance, at most: the budget spreads the rest over the minute.
const BATCH = 20;

type Poll = { seen: PollSeen; body?: Uint8Array; hash?: string; failure?: string };

export function startRecorder(config: Config, store: Store, logger: Logger): Recorder {
  const { pollMs, maxPerMinute } = config.recorder;
  // Which instance holds a lease, in the store and in logs.
  const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  // Long enough for a poll and its retry; a lease left by a crashed instance runs out after it.
  const leaseMs = 2 * config.plaid.timeoutMs + 5_000;
  const budget = minuteBudget(maxPerMinute);
  // The recorder's answers are counted apart from the lookups', so it never makes them busy.
  const bytesInFlight = createBytesInFlight(config.plaid.maxBytesInFlight);
  const serverSecrets = secretPatterns(Object.values(config.plaid.secrets));
  const instruments = recorderInstruments(store, budget, maxPerMinute);

  async function ask(due: DueRecording): Promise<PlaidOutcome | 'no credentials'> {
    const credentials = chooseCredentials({}, due.environment, config);
    if (!credentials) return 'no credentials';
    return getLinkToken({
      environment: due.environment,
      baseUrl: config.plaid.urls[due.environment],
      clientId: credentials.clientId,
      secret: credentials.secret,
      linkToken: due.linkToken,
      timeoutMs: config.plaid.timeoutMs,
      maxResponseBytes: config.plaid.maxResponseBytes,
      bytesInFlight,
      serverSecrets,
    });
  }

  async function pollOne(due: DueRecording): Promise<void> {
    const poll = readOutcome(await ask(due).catch(() => 'failed' as const), due.lastAnswerHash);
    const now = new Date();
    let { hash } = poll;
    if (poll.seen.kind === 'answer' && poll.seen.changed) {
      const queued = store.keep({
        linkToken: due.linkToken,
        environment: due.environment,
        body: poll.body!,
        source: 'recording',
        seenBy: `recorder:${due.registeredByName}`,
      });
      // Not kept (the store is busy or failing): the same answer counts as changed next time.
      if (!queued) {
        hash = due.lastAnswerHash ?? undefined;
        instruments.failures.inc({ reason: 'NOT_KEPT' });
      }
    }
    if (poll.failure) instruments.failures.inc({ reason: poll.failure });
    instruments.polls.inc({ result: pollResult(poll.seen) });

    const step = nextStep(due, poll.seen, now, pollMs);
    const changed = poll.seen.kind === 'answer' && poll.seen.changed;
    await store.recordings
      .recordPoll(holder, due.linkToken, {
        polledAt: now,
        nextPollAt: step.step === 'poll' ? step.at : null,
        finalPoll: step.step === 'poll' ? step.finalPoll : null,
        stopReason: step.step === 'stop' ? step.reason : null,
        lastChangeAt: changed ? now : due.lastChangeAt,
        lastAnswerHash: hash ?? due.lastAnswerHash,
        expiresAt: poll.seen.kind === 'answer' ? poll.seen.expiresAt : due.expiresAt,
        failures: poll.seen.kind === 'failed' ? due.failures + 1 : 0,
      })
      .catch(() => instruments.failures.inc({ reason: 'STORE' })); // logged by the store
    if (step.step === 'stop')
      logger.info(
        { recorder: holder, link_token: due.linkToken, reason: step.reason },
        `recorder: stopped recording a token (${step.reason})`,
      );
  }

  async function tick(): Promise<void> {
    const now = new Date();
    const room = Math.min(BATCH, budget.room(now));
    if (room === 0) return;
    let due: DueRecording[];
    try {
      due = await store.recordings.leaseDue(holder, now, room, leaseMs);
    } catch {
      instruments.failures.inc({ reason: 'STORE' }); // logged by the store
      return;
    }
    budget.take(due.length, now);
    await Promise.all(due.map(pollOne));
  }

  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = undefined));
  }, pollMs);

  return {
    registerMetrics(registry) {
      const all: Metric[] = Object.values(instruments);
      for (const metric of all) registry.registerMetric(metric);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

// Turns what Plaid (or the network) said into what the schedule needs, and what to keep.
function readOutcome(outcome: PlaidOutcome | 'no credentials' | 'failed', lastHash: string | null): Poll {
  const failed = (failure: string): Poll => ({ seen: { kind: 'failed' }, failure });
  if (outcome === 'no credentials') return failed('NO_SERVER_CREDENTIALS');
  if (outcome === 'failed') return failed('INTERNAL_ERROR');
  if (!outcome.ok) return failed(outcome.code);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(outcome.body));
  } catch {
    return failed('UPSTREAM_BAD_RESPONSE');
  }
  if (outcome.status === 200) {
    const answer = LinkTokenGetResponseSchema.safeParse(json);
    if (!answer.success) return failed('UPSTREAM_BAD_RESPONSE');
    const read = readAnswer(answer.data, lastHash, new Date());
    return { seen: read, body: outcome.body, hash: read.hash };
  }
  // Plaid's INVALID_INPUT errors (INVALID_LINK_TOKEN and the like) are about the token: asking
  // again will not change them. Anything else (rate limit, Plaid's own trouble, the server's
  // credentials refused) is a failed poll, tried again later.
  const error = json as { error_type?: unknown; error_code?: unknown };
  if (outcome.status === 400 && error.error_type === 'INVALID_INPUT') return { seen: { kind: 'refused' } };
  return failed(
    typeof error.error_code === 'string' ? `PLAID_${error.error_code}` : `PLAID_${outcome.status}`,
  );
}

function pollResult(seen: PollSeen): string {
  if (seen.kind === 'answer') return seen.changed ? 'changed' : 'unchanged';
  return seen.kind;
}

function recorderInstruments(store: Store, budget: ReturnType<typeof minuteBudget>, maxPerMinute: number) {
  return {
    recording: new Gauge({
      name: 'recorder_tokens_recording',
      help: 'Registered tokens still being recorded (all instances).',
      registers: [],
      async collect() {
        this.set(await store.recordings.countRecording().catch(() => 0));
      },
    }),
    polls: new Counter({
      name: 'recorder_polls_total',
      help: "This instance's polls of /link/token/get, by result (changed, unchanged, refused, failed).",
      labelNames: ['result'],
      registers: [],
    }),
    failures: new Counter({
      name: 'recorder_failures_total',
      help: 'What went wrong while recording, by reason (an upstream error code, PLAID_<error_code>, STORE, NOT_KEPT).',
      labelNames: ['reason'],
      registers: [],
    }),
    budgetUsed: new Gauge({
      name: 'recorder_budget_used',
      help: "Polls this instance made in the current minute's budget.",
      registers: [],
      collect() {
        this.set(budget.used(new Date()));
      },
    }),
    budgetSize: new Gauge({
      name: 'recorder_budget_per_minute',
      help: 'Polls one instance may make per minute (RECORDER_MAX_PER_MINUTE).',
      registers: [],
      collect() {
        this.set(maxPerMinute);
      },
    }),
  };
}
