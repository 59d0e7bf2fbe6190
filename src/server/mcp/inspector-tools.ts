import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Context } from 'hono';
import { z } from 'zod';
import { checkLinkToken, PLAID_ENVIRONMENTS } from '../../shared/link-token';
import { InstitutionsGetByIdRequestSchema } from '../../shared/schemas/institutions-get-by-id-request';
import { InstitutionsGetByIdResponseSchema } from '../../shared/schemas/institutions-get-by-id-response';
import { KeptBesideSchema } from '../../shared/schemas/kept';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import type { LookupFacts } from '../observability/lookup-facts';
import { INTERNAL_ERROR_MESSAGE } from '../proxy-error-response';
import { lookupFields } from '../observability/request-logger';
import type { LookUpInstitution } from '../routes/institutions-get-by-id';
import type { LookUpLinkToken } from '../routes/link-token-get';
import {
  HistoryPageRequestSchema,
  HistoryPageSchema,
  type HistoryPage,
} from '../../shared/history/history-api';
import { keptPermalink } from '../routes/kept-beside';
import { decodeCursor } from '../store/history';
import type { Store } from '../store/store';
import { historyText } from './history-text';
import { batchReport, batchReportText, type BatchOutcome } from './batch-report';
import { institutionReport, institutionReportText } from './institution-report';
import { inspectorFailure, readReply, type LookupFailure } from './read-reply';
import { toolError } from './tool-error';
import { tokenReport, tokenReportText, type TokenAnswer } from './token-report';
import {
  InspectLinkTokenResultSchema,
  InspectLinkTokensResultSchema,
  InstitutionHealthResultSchema,
  MAX_BATCH_TOKENS,
} from './tool-schemas';

// The inspector's tools for an AI assistant, built for one request (the transport is stateless):
// each asks Plaid through the same functions as the page's routes (linkTokenLookup,
// institutionLookup), with the server's own credentials, and answers with the page's diagnosis.
// Every call leaves an audit line naming the tool, the user (or API key) and what was looked up.

export type InspectorLookups = { linkToken: LookUpLinkToken; institution: LookUpInstitution };

// The implementation version MCP clients are told (package.json's).
const SERVER_VERSION = '0.1.0';

// Lookups a batch runs at once, as the page's batch does.
const BATCH_CONCURRENCY = 4;

const LINK_TOKEN = z
  .string()
  .max(200)
  .describe('A Plaid link_token: link-sandbox-… or link-production-… followed by a UUID.');

export function inspectorTools(
  c: Context<AppEnv>,
  config: Config,
  lookups: InspectorLookups,
  store: Store | undefined,
): McpServer {
  const server = new McpServer({ name: 'link-token-inspector', version: SERVER_VERSION });
  const inspectorBase = config.publicUrl ?? new URL(c.req.url).origin;
  const inspectorUrl = (linkToken: string) => `${inspectorBase}/?link_token=${encodeURIComponent(linkToken)}`;

  // An error nobody expected becomes the API's INTERNAL_ERROR, its details in the server's log only
  // (the SDK would otherwise send the error's own message to the assistant).
  function safely<Args>(tool: (args: Args) => Promise<CallToolResult>) {
    return (args: Args): Promise<CallToolResult> =>
      tool(args).catch((error: unknown) => {
        c.get('log').error({ err: error }, 'unhandled error in an MCP tool');
        return toolError(inspectorFailure(c, 'INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE));
      });
  }

  function audit(tool: string, facts: LookupFacts | undefined) {
    c.get('log').info(
      { audit: 'mcp.tool', tool, user: c.get('user'), ...(facts && lookupFields(facts)) },
      'MCP tool called',
    );
  }

  // One token looked up and read as the page reads it; the audit facts go to `record`.
  async function lookUpToken(
    linkToken: string,
    record?: (facts: LookupFacts) => void,
  ): Promise<{ ok: true; answer: TokenAnswer } | { ok: false; failure: LookupFailure }> {
    const reply = await lookups.linkToken(c, { link_token: linkToken }, record);
    const read = readReply(c, reply, LinkTokenGetResponseSchema);
    if (!read.ok) return read;
    const kept = KeptBesideSchema.safeParse(read.body.kept);
    const check = checkLinkToken(linkToken);
    return {
      ok: true,
      answer: {
        data: read.data,
        kept: kept.success ? kept.data : undefined,
        environment: check.ok ? check.environment : 'sandbox',
        inspectorUrl: inspectorUrl(read.data.link_token),
      },
    };
  }

  server.registerTool(
    'inspect_link_token',
    {
      title: 'Inspect a Plaid link token',
      description:
        'Diagnose one Plaid link_token: what happened in Link (linked, failed, abandoned, …), at which bank, with which error, who must act next and what they should do, plus configuration findings, the sessions with their steps, whether the token is still valid, and a link to the inspector page for a person. Uses the inspector’s own Plaid credentials.',
      inputSchema: { link_token: LINK_TOKEN },
      outputSchema: InspectLinkTokenResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    safely(async ({ link_token }) => {
      const looked = await lookUpToken(link_token);
      audit('inspect_link_token', c.get('lookup'));
      if (!looked.ok) return toolError(looked.failure);
      const report = tokenReport(looked.answer, Date.now());
      return { structuredContent: report, content: [{ type: 'text', text: tokenReportText(report) }] };
    }),
  );

  server.registerTool(
    'inspect_link_tokens',
    {
      title: 'Inspect many Plaid link tokens',
      description: `Diagnose up to ${MAX_BATCH_TOKENS} Plaid link_tokens at once and count them: how many linked, failed or were abandoned, by error code and by bank (banks with the most failures first), with one line per token (verdict, who acts next, next step). Use it to find a pattern across many users; use inspect_link_token for one token's details.`,
      inputSchema: { link_tokens: z.array(LINK_TOKEN).min(1).max(MAX_BATCH_TOKENS) },
      outputSchema: InspectLinkTokensResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    safely(async ({ link_tokens }) => {
      const tokens = [...new Set(link_tokens.map((token) => token.trim()))];
      const outcomes = await inParallel(
        tokens,
        BATCH_CONCURRENCY,
        async (linkToken): Promise<BatchOutcome> => {
          let facts: LookupFacts | undefined;
          const looked = await lookUpToken(linkToken, (recorded) => (facts = recorded));
          audit('inspect_link_tokens', facts);
          return { linkToken, inspectorUrl: inspectorUrl(linkToken), ...looked };
        },
      );
      const report = batchReport(outcomes, Date.now());
      return { structuredContent: report, content: [{ type: 'text', text: batchReportText(report) }] };
    }),
  );

  server.registerTool(
    'institution_health',
    {
      title: 'Check a bank’s health at Plaid',
      description:
        'How a bank (institution) is doing at Plaid right now: the share of logins that succeed, fail at the bank or fail at Plaid, other products’ health and ongoing incidents. Use it when a Link session failed at a bank, to tell a bank outage from a problem of the user or the integration. Plaid reports health in production only.',
      inputSchema: {
        institution_id: z.string().max(100).describe('Plaid’s institution id, e.g. ins_109508.'),
        environment: z
          .enum(PLAID_ENVIRONMENTS)
          .describe('The environment of the token whose session met the bank.'),
        country_codes: z
          .array(z.string().max(2))
          .max(30)
          .optional()
          .describe('The token’s country codes (default ["US"]).'),
      },
      outputSchema: InstitutionHealthResultSchema,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    safely(async (args) => {
      // The route's own rules for the question (ids, countries in one order).
      const question = InstitutionsGetByIdRequestSchema.safeParse(args);
      if (!question.success) {
        const message = question.error.issues[0]?.message ?? 'Give an institution_id and environment.';
        audit('institution_health', undefined);
        return toolError(inspectorFailure(c, 'INVALID_BODY', message));
      }
      const reply = await lookups.institution(c, question.data);
      audit('institution_health', c.get('lookup'));
      const read = readReply(c, reply, InstitutionsGetByIdResponseSchema);
      if (!read.ok) return toolError(read.failure);
      const report = institutionReport(read.data.institution, question.data.environment, Date.now());
      return { structuredContent: report, content: [{ type: 'text', text: institutionReportText(report) }] };
    }),
  );

  server.registerTool(
    'search_sessions',
    {
      title: 'Search the link tokens the inspector has kept',
      description:
        'Search what the inspector has seen before (its History: every token looked up, recorded or reported by webhook), with History’s filters: verdict, error_code, institution, exit_status, source, from/to (ISO dates of when a token was last seen), or one link_token, link_session_id or request_id. Returns how many tokens match, counted by verdict, error code, bank and exit status, the banks with the most failures, and the newest matching tokens (page on with `after` = the answer’s `next`). Holds no account names, masks or public tokens.',
      inputSchema: HistoryPageRequestSchema,
      outputSchema: HistoryPageSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    safely(async (request) => {
      c.get('log').info(
        { audit: 'mcp.tool', tool: 'search_sessions', user: c.get('user'), filter: request },
        'MCP tool called',
      );
      if (!store) return toolError(inspectorFailure(c, 'STORE_UNAVAILABLE', NO_STORE));
      if (request.after !== undefined && !decodeCursor(request.after)) {
        return toolError(
          inspectorFailure(
            c,
            'INVALID_QUERY',
            'after: not a page this server gave (use the `next` of the answer before).',
          ),
        );
      }
      let page;
      try {
        page = await store.history(request);
      } catch {
        return toolError(inspectorFailure(c, 'STORE_UNAVAILABLE', STORE_DOWN));
      }
      const answer: HistoryPage = {
        ...page,
        rows: page.rows.map((row) => ({ ...row, permalink: keptPermalink(inspectorBase, row.link_token) })),
      };
      return { structuredContent: answer, content: [{ type: 'text', text: historyText(answer) }] };
    }),
  );

  return server;
}

const NO_STORE = 'This server keeps no answers, so it has no History to search.';
const STORE_DOWN = 'The store of kept answers cannot be reached right now; inspect_link_token still works.';

// `work` for each item, at most `concurrency` at once; results in the items' order.
async function inParallel<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
