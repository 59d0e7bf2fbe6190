import { Migrator, sql, type Kysely, type Migration } from 'kysely';

// The store's schema, one step per migration, applied in name order at start-up (in a transaction
// each, under a lock, so instances starting together on one PostgreSQL apply each step once).
// Released migrations are never edited: a change is a new step.
export const MIGRATIONS: Record<string, Migration> = {
  '001-kept-answers': {
    async up(db) {
      await sql`
        create table kept_tokens (
          link_token text primary key,
          environment text not null,
          first_seen_at timestamptz not null,
          last_seen_at timestamptz not null,
          last_answer_hash text not null
        )`.execute(db);
      // History pages through tokens newest first (keyset on last_seen_at, link_token); the purge
      // finds old ones by the same index.
      await sql`create index kept_tokens_by_last_seen on kept_tokens (last_seen_at desc, link_token)`.execute(
        db,
      );
      await sql`
        create table kept_answers (
          id bigint generated always as identity primary key,
          link_token text not null references kept_tokens on delete cascade,
          source text not null,
          seen_at timestamptz not null,
          seen_by text not null,
          plaid_request_id text,
          answer jsonb not null
        )`.execute(db);
      await sql`create index kept_answers_by_token on kept_answers (link_token, seen_at desc)`.execute(db);
      await sql`create index kept_answers_by_request_id on kept_answers (plaid_request_id)`.execute(db);
      await sql`
        create table kept_sessions (
          link_token text not null references kept_tokens on delete cascade,
          link_session_id text not null,
          session jsonb not null,
          source text not null,
          first_seen_at timestamptz not null,
          seen_at timestamptz not null,
          seen_by text not null,
          primary key (link_token, link_session_id)
        )`.execute(db);
      await sql`create index kept_sessions_by_session_id on kept_sessions (link_session_id)`.execute(db);
    },
  },
  // History (store/history.ts): each token's verdict and the facts its row shows, computed by the
  // shared diagnosis when an answer is kept, with the version of the rules that produced them
  // (null until diagnosed: tokens kept before this step are diagnosed in the background).
  '002-history': {
    async up(db) {
      await sql`
        alter table kept_tokens
          add column verdict text,
          add column headline text,
          add column institution text,
          add column institution_id text,
          add column error_code text,
          add column exit_status text,
          add column step_reached text,
          add column session_count integer,
          add column sources text[],
          add column last_source text,
          add column rules_version integer,
          add column diagnosed_at timestamptz`.execute(db);
      // The background re-diagnosis finds tokens diagnosed by older rules (or never) by this.
      await sql`create index kept_tokens_by_rules_version on kept_tokens (rules_version)`.execute(db);
      // ... and verdicts that change with time alone (in progress becomes abandoned).
      await sql`
        create index kept_tokens_time_bound on kept_tokens (diagnosed_at)
          where verdict in ('in progress', 'never opened')`.execute(db);
      // The breakdown's one grouped scan reads only these columns (an index-only scan on PostgreSQL).
      await sql`
        create index kept_tokens_by_facts on kept_tokens
          (verdict, error_code, institution, institution_id, exit_status, last_seen_at)`.execute(db);
    },
  },
  // API keys for machine clients (store/api-keys.ts): only a hash of each key is kept. A revoked
  // key keeps its row, so the list still says who made it and when it was revoked.
  '003-api-keys': {
    async up(db) {
      await sql`
        create table api_keys (
          id text primary key,
          name text not null,
          key_hash text not null unique,
          scopes jsonb not null,
          created_by text not null,
          created_at timestamptz not null,
          last_used_at timestamptz,
          revoked_at timestamptz,
          revoked_by text
        )`.execute(db);
    },
  },
};

// Applies what is missing; a step that fails stops here with its name, and the server does not start.
export async function migrate(db: Kysely<unknown>, migrations: Record<string, Migration> = MIGRATIONS) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const reason = error instanceof Error ? error.message : String(error);
  throw new Error(
    failed
      ? `The store's migration ${failed} failed: ${reason}. Nothing of it was applied; fix the cause and start again.`
      : `The store's migrations could not run: ${reason}.`,
  );
}
