import type { ColumnType, Generated } from 'kysely';

// The store's tables as Kysely sees them (migrations.ts creates them). Every query is checked
// against these types at compile time.

type Timestamp = ColumnType<Date, Date, Date>;
// Where a kept answer came from: a lookup in the inspector today; the recorder and Plaid's webhooks
// later (docs/architecture.md, "The store").
export type KeptSource = 'lookup' | 'recording' | 'webhook';

export type Database = {
  // One row per link token the store knows: what History lists, newest first.
  kept_tokens: {
    link_token: string;
    environment: string;
    first_seen_at: Timestamp;
    last_seen_at: Timestamp;
    // Of the last answer kept, less its request_id: an answer identical to it is not kept again.
    last_answer_hash: string;
    // What History shows (migration 002-history, store/history.ts): the shared diagnosis of the
    // kept view, null until diagnosed; rules_version names the rules that produced it.
    verdict: string | null;
    headline: string | null;
    institution: string | null;
    institution_id: string | null;
    error_code: string | null;
    exit_status: string | null;
    step_reached: string | null;
    session_count: number | null;
    sources: KeptSource[] | null;
    last_source: KeptSource | null;
    rules_version: number | null;
    diagnosed_at: Timestamp | null;
  };
  // Each answer that differed from the one before it for its token, as Plaid sent it (public
  // tokens masked).
  kept_answers: {
    id: Generated<number>;
    link_token: string;
    source: KeptSource;
    seen_at: Timestamp;
    seen_by: string;
    plaid_request_id: string | null;
    answer: ColumnType<unknown, string, string>;
  };
  // History's counts by UTC day and facts ('' for a missing fact), kept by a trigger on
  // kept_tokens (migration 002-history).
  history_counts: {
    day: ColumnType<Date, never, never>;
    verdict: string;
    error_code: string;
    institution: string;
    institution_id: string;
    exit_status: string;
    sources: KeptSource[];
    tokens: number;
  };
  // Each Link session of a token, merged across every answer that held it.
  kept_sessions: {
    link_token: string;
    link_session_id: string;
    session: ColumnType<unknown, string, string>;
    source: KeptSource;
    first_seen_at: Timestamp;
    seen_at: Timestamp;
    seen_by: string;
  };
  // API keys for machine clients: SHA-256 of each key, never the key (store/api-keys.ts).
  api_keys: {
    id: string;
    name: string;
    key_hash: string;
    scopes: ColumnType<unknown, string, string>;
    created_by: string;
    created_at: Timestamp;
    last_used_at: ColumnType<Date | null, Date | null, Date>;
    revoked_at: ColumnType<Date | null, Date | null, Date>;
    revoked_by: ColumnType<string | null, string | null, string>;
  };
  // The recorder's schedule: one row per registered token (store/recordings.ts).
  recordings: {
    link_token: string;
    environment: string;
    // The API key that registered it first, by id and by name (seen_by of what it records).
    registered_by: string;
    registered_by_name: string;
    registered_at: Timestamp;
    state: 'recording' | 'stopped';
    stop_reason: string | null;
    // Null once stopped.
    next_poll_at: Timestamp | null;
    // The reason the next poll is the last one (recorder/schedule.ts), or null.
    final_poll: string | null;
    last_poll_at: Timestamp | null;
    last_change_at: Timestamp;
    // Of the last answer, less its request_id: tells a changed answer from the same one.
    last_answer_hash: string | null;
    expires_at: Timestamp | null;
    polls: ColumnType<number, number | undefined, number>;
    // Polls in a row that got no answer.
    failures: ColumnType<number, number | undefined, number>;
    // The instance polling it now, and until when (another takes over after a crash).
    lease_holder: string | null;
    lease_until: Timestamp | null;
  };
  // Which API keys registered each token: a key reads only what its own registrations recorded.
  recording_registrations: {
    link_token: string;
    api_key_id: string;
    registered_at: Timestamp;
  };
  // QA profiles (migration 005-qa-profiles, store/qa-profiles.ts).
  qa_profiles: {
    id: string;
    name: string;
    description: string | null;
    expectations: ColumnType<unknown, string, string>;
    created_by: string;
    created_at: Timestamp;
    updated_by: string;
    updated_at: Timestamp;
  };
};
