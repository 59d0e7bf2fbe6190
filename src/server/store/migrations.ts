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
      // A page filtered by a verdict, a code or a bank walks only its tokens, newest first.
      await sql`create index kept_tokens_by_verdict on kept_tokens (verdict, last_seen_at desc, link_token)`.execute(
        db,
      );
      await sql`
        create index kept_tokens_by_error_code on kept_tokens (error_code, last_seen_at desc, link_token)
          where error_code is not null`.execute(db);
      await sql`
        create index kept_tokens_by_institution on kept_tokens (institution, last_seen_at desc, link_token)
          where institution is not null`.execute(db);
      // The breakdown's counts without reading every token: tokens counted by UTC day of
      // last_seen_at and by the facts the breakdown groups, kept exact by a trigger whatever
      // changes kept_tokens (a diagnosis, a keep, a delete, the purge). History sums it when the
      // filter is whole days; other filters scan the tokens they select.
      // A missing fact is '' here (never a real code or name), so that every key column is
      // compared with = and found through the unique index.
      await sql`
        create table history_counts (
          day date not null,
          verdict text not null,
          error_code text not null,
          institution text not null,
          institution_id text not null,
          exit_status text not null,
          sources text[] not null,
          tokens integer not null,
          unique (day, verdict, error_code, institution, institution_id, exit_status, sources)
        )`.execute(db);
      await sql`
        create function history_counts_follow() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') and old.verdict is not null then
            update history_counts set tokens = tokens - 1
              where day = (old.last_seen_at at time zone 'UTC')::date and verdict = old.verdict
                and error_code = coalesce(old.error_code, '') and institution = coalesce(old.institution, '')
                and institution_id = coalesce(old.institution_id, '')
                and exit_status = coalesce(old.exit_status, '') and sources = coalesce(old.sources, '{}');
          end if;
          if tg_op in ('INSERT', 'UPDATE') and new.verdict is not null then
            insert into history_counts
              values ((new.last_seen_at at time zone 'UTC')::date, new.verdict, coalesce(new.error_code, ''),
                coalesce(new.institution, ''), coalesce(new.institution_id, ''), coalesce(new.exit_status, ''),
                coalesce(new.sources, '{}'), 1)
              on conflict (day, verdict, error_code, institution, institution_id, exit_status, sources)
                do update set tokens = history_counts.tokens + 1;
          end if;
          return null;
        end $$`.execute(db);
      await sql`
        create trigger kept_tokens_history_counts
          after insert or delete or update of last_seen_at, verdict, error_code, institution, institution_id,
            exit_status, sources
          on kept_tokens for each row execute function history_counts_follow()`.execute(db);
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
  // The recorder's schedule (store/recordings.ts): one row per registered token, polled by one
  // instance at a time (the lease), and which API keys registered it.
  '004-recordings': {
    async up(db) {
      await sql`
        create table recordings (
          link_token text primary key,
          environment text not null,
          registered_by text not null,
          registered_by_name text not null,
          registered_at timestamptz not null,
          state text not null,
          stop_reason text,
          next_poll_at timestamptz,
          final_poll text,
          last_poll_at timestamptz,
          last_change_at timestamptz not null,
          last_answer_hash text,
          expires_at timestamptz,
          polls integer not null default 0,
          failures integer not null default 0,
          lease_holder text,
          lease_until timestamptz
        )`.execute(db);
      // The poller's query: tokens due, soonest first.
      await sql`create index recordings_due on recordings (next_poll_at) where state = 'recording'`.execute(
        db,
      );
      await sql`
        create table recording_registrations (
          link_token text not null references recordings on delete cascade,
          api_key_id text not null,
          registered_at timestamptz not null,
          primary key (link_token, api_key_id)
        )`.execute(db);
      // The registration cap counts a key's registrations of the last minute.
      await sql`create index recording_registrations_by_key on recording_registrations (api_key_id, registered_at)`.execute(
        db,
      );
    },
  },
  // QA profiles (store/qa-profiles.ts, issue 30): what a token should be, shared by the team.
  // expectations is the profile schema's object (shared/checks/qa-profile.ts), parsed on the way in.
  '005-qa-profiles': {
    async up(db) {
      await sql`
        create table qa_profiles (
          id text primary key,
          name text not null,
          description text,
          expectations jsonb not null,
          created_by text not null,
          created_at timestamptz not null,
          updated_by text not null,
          updated_at timestamptz not null
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
