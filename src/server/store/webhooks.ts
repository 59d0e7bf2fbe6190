import { sql, type Kysely } from 'kysely';
import { mergeSession } from '../../shared/kept/merge-sessions';
import type { PlaidEnvironment } from '../../shared/link-token';
import { LinkSessionSchema, type LinkSession } from '../../shared/schemas/link-token-get-response';
import { lockTokenRow } from './kept-answers';
import { notifiesKept } from './kept-notifications';
import type { Database } from './schema';

// The store's queries for Plaid's webhooks (routes/plaid-webhook.ts). A webhook's copy of a session
// merges into kept_sessions by link_session_id, like a lookup's (kept-answers.ts), with source
// 'webhook'; a token the store has never seen is created from it. No table of its own: what a
// webhook says lives in the session it is about.

export type WebhookSessionToKeep = {
  linkToken: string;
  environment: PlaidEnvironment;
  // What the webhook says about the session (webhooks/webhook-session.ts), public tokens masked.
  session: LinkSession;
  seenAt: Date;
  seenBy: string;
};

// kept: the session changed; unchanged: the webhook said nothing new (a replay, say), nothing was
// written; other environment: the store holds the token under another environment.
export type WebhookKeepResult =
  { result: 'kept' | 'unchanged' } | { result: 'other environment'; environment: PlaidEnvironment };

export async function tokenEnvironment(
  db: Kysely<Database>,
  linkToken: string,
): Promise<PlaidEnvironment | undefined> {
  const row = await db
    .selectFrom('kept_tokens')
    .select('environment')
    .where('link_token', '=', linkToken)
    .executeTakeFirst();
  return row?.environment as PlaidEnvironment | undefined;
}

// The token's row is locked first (lockTokenRow). What the store already holds wins over the webhook's copy, field by field, and the
// webhook fills in what it lacks (events are combined by event_id): a webhook sent again, or one
// arriving after a lookup saw more, changes nothing.
export async function keepWebhookSession(
  db: Kysely<Database>,
  entry: WebhookSessionToKeep,
): Promise<WebhookKeepResult> {
  return db.transaction().execute(async (trx) => {
    const token = await lockTokenRow(trx, entry);
    if (token.environment !== entry.environment) {
      return { result: 'other environment', environment: token.environment as PlaidEnvironment };
    }

    const row = await trx
      .selectFrom('kept_sessions')
      .select('session')
      .where('link_token', '=', entry.linkToken)
      .where('link_session_id', '=', entry.session.link_session_id)
      .executeTakeFirst();
    const kept = row && LinkSessionSchema.safeParse(row.session);
    let merged = entry.session;
    if (kept?.success) {
      // mergeSession lets its second argument win; merging the result into the kept copy again
      // keeps the kept copy's field order, so that "nothing new" compares equal.
      merged = mergeSession(kept.data, mergeSession(entry.session, kept.data));
      if (JSON.stringify(merged) === JSON.stringify(kept.data)) return { result: 'unchanged' };
    }

    await trx
      .insertInto('kept_sessions')
      .values({
        link_token: entry.linkToken,
        link_session_id: entry.session.link_session_id,
        session: JSON.stringify(merged),
        source: 'webhook',
        first_seen_at: entry.seenAt,
        seen_at: entry.seenAt,
        seen_by: entry.seenBy,
      })
      .onConflict((conflict) =>
        conflict.columns(['link_token', 'link_session_id']).doUpdateSet((excluded) => ({
          session: excluded.ref('excluded.session'),
          source: excluded.ref('excluded.source'),
          seen_at: excluded.ref('excluded.seen_at'),
          seen_by: excluded.ref('excluded.seen_by'),
        })),
      )
      .execute();
    await trx
      .updateTable('kept_tokens')
      .set({ last_seen_at: sql<Date>`greatest(last_seen_at, ${entry.seenAt})` })
      .where('link_token', '=', entry.linkToken)
      .returning(notifiesKept())
      .execute();
    return { result: 'kept' };
  });
}
