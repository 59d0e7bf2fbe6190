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
};
