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
};
