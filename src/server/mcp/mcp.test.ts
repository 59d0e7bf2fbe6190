import { serve } from '@hono/node-server';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import bcrypt from 'bcryptjs';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_LABELS, diagnose, diagnoseLookupError, VERDICT_LABELS } from '../../shared/diagnosis';
import { institutionHealth, INSTITUTION_HEALTH_MESSAGES } from '../../shared/domain/institution-health';
import { withKeptSessions } from '../../shared/kept/kept-view';
import { HistoryPageSchema, type HistoryPage } from '../../shared/history/history-api';
import { InstitutionsGetByIdResponseSchema } from '../../shared/schemas/institutions-get-by-id-response';
import { KeptBesideSchema } from '../../shared/schemas/kept';
import { LinkTokenGetResponseSchema } from '../../shared/schemas/link-token-get-response';
import { PlaidErrorSchema } from '../../shared/schemas/plaid-error';
import { makeResponse, makeSession } from '../../shared/test/fixtures';
import {
  manualClock,
  SCENARIOS,
  startSimulator,
  UNKNOWN_TOKEN,
  type RunningSimulator,
} from '../../simulator';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/store';
import { startBackend, type TestBackend } from '../store/test-backends';
import { json, startFakeUpstream } from '../testing/fake-upstream';
import { captureLogs } from '../testing/log-capture';
import {
  InspectLinkTokenResultSchema,
  InspectLinkTokensResultSchema,
  InstitutionHealthResultSchema,
} from './tool-schemas';

// /mcp driven by the MCP SDK's own client over real HTTP: the app listens on a loopback port in
// simulator mode, and each tool's answer is compared with what the page makes of the same fixture
// (the page's route for the answer, the shared diagnosis for the verdict).

const token = (scenario: string) => SCENARIOS.find((s) => s.scenario === scenario)!.link_token;
// The fixtures whose answers do not change from one lookup to the next.
const STEADY = SCENARIOS.filter(
  (s) => !s.scenario.startsWith('fault-') && !['live', 'fresh'].includes(s.scenario),
);

let simulator: RunningSimulator;
const running: { server: Server; store?: Store }[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ now: manualClock(new Date()).now });
});
afterAll(async () => {
  await Promise.all(
    running.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  await simulator.close();
});

async function startInspector(env: Record<string, string> = {}, store?: Store, upstreamUrl?: string) {
  const logs = captureLogs();
  const config = loadConfig({ PLAID_UPSTREAM: 'simulator', RATE_LIMIT_PER_MINUTE: '10000', ...env });
  const urls = upstreamUrl ? { sandbox: upstreamUrl, production: upstreamUrl } : simulator.urls;
  const app = createApp(
    { ...config, plaid: { ...config.plaid, urls }, clientDir: 'src/server/testing' },
    { logger: pino(logs.destination), store },
  );
  // Port 0: the system's free port. A fixed one can be an outgoing connection's (ephemeral range).
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({ server: listening as Server, port: info.port }),
    );
  });
  running.push({ server });
  return { app, logs, url: `http://127.0.0.1:${port}` };
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'inspector-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers } }));
  return client;
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

describe('the MCP endpoint in simulator mode', () => {
  let inspector: Awaited<ReturnType<typeof startInspector>>;
  let client: Client;
  beforeAll(async () => {
    inspector = await startInspector();
    client = await connect(inspector.url);
  });
  afterAll(() => client.close());

  // What the page shows for a token: its route's answer, diagnosed at the same moment.
  async function pageDiagnosis(linkToken: string, now: number) {
    const response = await inspector.app.request('/api/link/token/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: linkToken }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    const kept = body.kept === undefined ? undefined : KeptBesideSchema.parse(body.kept);
    return diagnose(withKeptSessions(LinkTokenGetResponseSchema.parse(body), kept?.sessions).data, now);
  }

  it('lists its tools, each described and with input and output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'inspect_link_token',
      'inspect_link_tokens',
      'institution_health',
      'search_sessions',
    ]);
    for (const tool of tools) {
      expect(tool.description!.length).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
  });

  it.each(STEADY.map((s) => [s.scenario, s.link_token]))(
    'inspect_link_token %s: the page’s verdict, findings and sessions',
    async (_scenario, linkToken) => {
      const result = (await client.callTool({
        name: 'inspect_link_token',
        arguments: { link_token: linkToken },
      })) as CallToolResult;
      expect(result.isError).toBeFalsy();
      const report = InspectLinkTokenResultSchema.parse(result.structuredContent);
      const page = await pageDiagnosis(linkToken, Date.parse(report.looked_up_at));

      expect(report.verdict).toMatchObject({
        outcome: page.verdict,
        label: VERDICT_LABELS[page.verdict],
        headline: page.headline,
        institution: page.institution,
        error_code: page.error?.error_code ?? null,
        actor: page.actor,
        next_step: page.nextStep,
        explanation: page.explanation,
        notes: page.notes,
      });
      expect(report.findings.map((finding) => finding.id)).toEqual(
        page.findings.map((finding) => finding.id),
      );
      expect(report.sessions_total).toBe(page.sessions.length);
      expect(report.sessions.map((session) => [session.link_session_id, session.verdict])).toEqual(
        page.sessions.slice(0, 10).map((session) => [session.linkSessionId, session.verdict]),
      );
      expect(report.sessions.every((session) => session.source === 'plaid')).toBe(true);
      expect(report.validity.status).toBe(page.tokenStatus.kind);
      expect(report.kept).toBeNull();
      expect(report.inspector_url).toBe(`${inspector.url}/?link_token=${linkToken}`);
      expect(text(result)).toContain(`${VERDICT_LABELS[page.verdict]}: ${page.headline}`);
      expect(text(result)).toContain(
        `Who acts next: ${ACTOR_LABELS[page.actor]}. Next step: ${page.nextStep}`,
      );
    },
  );

  it('inspect_link_token lists each session’s steps, as the page reads them', async () => {
    const linkToken = token('exit-institution-down');
    const result = (await client.callTool({
      name: 'inspect_link_token',
      arguments: { link_token: linkToken },
    })) as CallToolResult;
    const report = InspectLinkTokenResultSchema.parse(result.structuredContent);
    const page = await pageDiagnosis(linkToken, Date.parse(report.looked_up_at));
    expect(report.sessions[0]!.steps.map((step) => step.kind)).toEqual(
      page.sessions[0]!.steps.map((step) => step.kind),
    );
    expect(report.sessions[0]!.steps.length).toBeGreaterThan(2);
  });

  it('inspect_link_tokens: one row per token, the page’s verdicts, counted worst first', async () => {
    const tokens = [
      token('success'),
      token('exit-institution-down'),
      token('bank-down'),
      UNKNOWN_TOKEN.link_token,
    ];
    const result = (await client.callTool({
      name: 'inspect_link_tokens',
      arguments: { link_tokens: tokens },
    })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const report = InspectLinkTokensResultSchema.parse(result.structuredContent);
    const now = Date.parse(report.looked_up_at);
    expect(report.rows.map((row) => row.link_token)).toEqual(tokens);
    for (const row of report.rows.slice(0, 3)) {
      const page = await pageDiagnosis(row.link_token, now);
      expect(row).toMatchObject({ verdict: page.verdict, headline: page.headline, actor: page.actor });
    }
    expect(report.rows[3]).toMatchObject({ verdict: 'lookup failed', error_code: 'INVALID_LINK_TOKEN' });
    expect(report.total).toBe(4);
    expect(report.breakdown.verdict.reduce((sum, { count }) => sum + count, 0)).toBe(4);
    expect(report.breakdown.verdict[0]).toEqual({ value: 'failed', count: 2 });
    expect(report.banks.map((bank) => bank.failed)).toEqual([1, 1]);
  });

  it('institution_health: the page’s reading of Plaid’s answer', async () => {
    const result = (await client.callTool({
      name: 'institution_health',
      arguments: { institution_id: 'ins_135101', environment: 'production' },
    })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const report = InstitutionHealthResultSchema.parse(result.structuredContent);
    const response = await inspector.app.request('/api/institutions/get_by_id', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ institution_id: 'ins_135101', environment: 'production' }),
    });
    const page = institutionHealth(
      InstitutionsGetByIdResponseSchema.parse(await response.json()).institution,
      'production',
    );
    if (page.kind !== 'reported') throw new Error('The fixture bank reports its health');
    expect(report.health).toBe('reported');
    expect(report.item_logins).toMatchObject({
      level: page.itemLogins.kind === 'reported' ? page.itemLogins.level : null,
    });
    expect(report.incidents.map((incident) => incident.title)).toEqual(
      page.incidents.map((incident) => incident.title),
    );
    expect(text(result)).toContain('Quokka Credit Union');
  });

  it('institution_health in sandbox says Plaid reports none there', async () => {
    const result = (await client.callTool({
      name: 'institution_health',
      arguments: { institution_id: 'ins_109508', environment: 'sandbox' },
    })) as CallToolResult;
    const report = InstitutionHealthResultSchema.parse(result.structuredContent);
    expect(report).toMatchObject({ health: 'sandbox', summary: INSTITUTION_HEALTH_MESSAGES.sandbox });
  });

  it('a token that is not a link token gets a tool error with the inspector’s code and advice', async () => {
    const result = (await client.callTool({
      name: 'inspect_link_token',
      arguments: { link_token: 'access-sandbox-af1a0311-da53-4636-b754-dd15cc058176' },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(text(result)).toMatch(/^WRONG_TOKEN_TYPE: /);
  });

  it('a token Plaid does not know gets Plaid’s error as a tool error, with the page’s next step', async () => {
    const result = (await client.callTool({
      name: 'inspect_link_token',
      arguments: { link_token: UNKNOWN_TOKEN.link_token },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    const response = await inspector.app.request('/api/link/token/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ link_token: UNKNOWN_TOKEN.link_token }),
    });
    const page = diagnoseLookupError(PlaidErrorSchema.parse(await response.json()), response.status);
    expect(text(result)).toMatch(/^INVALID_LINK_TOKEN: /);
    expect(text(result)).toContain(page.nextStep);
  });

  it('writes an audit line naming the tool, the user and the token', async () => {
    await client.callTool({ name: 'inspect_link_token', arguments: { link_token: token('success') } });
    expect(inspector.logs.lines()).toContainEqual(
      expect.objectContaining({
        audit: 'mcp.tool',
        tool: 'inspect_link_token',
        user: 'local',
        link_token: token('success'),
        upstream_status: 200,
      }),
    );
  });

  it('refuses a browser page of another site, like the API does', async () => {
    const response = await fetch(`${inspector.url}/mcp`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'https://evil.example',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error_code: 'FORBIDDEN_ORIGIN' });
  });
});

describe('who may call /mcp', () => {
  const users = `alice:${bcrypt.hashSync('s3cret-pass', 10)}`;
  let backend: TestBackend;
  let store: Store;
  beforeAll(async () => {
    backend = await startBackend('pglite');
    store = await openStore({ location: backend.location, retentionDays: 30 }, pino({ level: 'silent' }));
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await backend?.done();
  });

  it('refuses a caller without a sign-in or key (401, the API’s JSON error)', async () => {
    const { url } = await startInspector({ AUTH_USERS: users }, store);
    await expect(connect(url)).rejects.toThrow(/401/);
    const response = await fetch(`${url}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'UNAUTHORIZED' });
  });

  it('answers a signed-in user', async () => {
    const { url } = await startInspector({ AUTH_USERS: users }, store);
    const basic = `Basic ${Buffer.from('alice:s3cret-pass').toString('base64')}`;
    const client = await connect(url, { Authorization: basic });
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });

  it('answers an API key scoped mcp, and refuses one without that scope', async () => {
    const { url, logs } = await startInspector({ AUTH_USERS: users }, store);
    const mcpKey = await store.apiKeys.create({ name: 'assistant', scopes: ['mcp'], createdBy: 'alice' });
    const client = await connect(url, { Authorization: `Bearer ${mcpKey.key}` });
    await client.callTool({ name: 'inspect_link_token', arguments: { link_token: token('success') } });
    await client.close();
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ audit: 'mcp.tool', tool: 'inspect_link_token', user: 'api-key:assistant' }),
    );

    const otherKey = await store.apiKeys.create({
      name: 'recorder',
      scopes: ['recordings:write'],
      createdBy: 'alice',
    });
    await expect(connect(url, { Authorization: `Bearer ${otherKey.key}` })).rejects.toThrow(/403/);
  });

  it('search_sessions: History’s page for the same filters, without account details', async () => {
    const { app, url } = await startInspector({}, store);
    for (const scenario of ['success', 'exit-institution-down', 'bank-down']) {
      await app.request('/api/link/token/get', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ link_token: token(scenario) }),
      });
    }
    await store.idle();
    const client = await connect(url);
    const result = (await client.callTool({
      name: 'search_sessions',
      arguments: { verdict: ['failed'] },
    })) as CallToolResult;
    await client.close();
    expect(result.isError).toBeFalsy();
    const page = HistoryPageSchema.parse(result.structuredContent);
    const history = HistoryPageSchema.parse(await (await app.request('/api/history?verdict=failed')).json());
    const withoutLinks = (rows: HistoryPage['rows']) => rows.map((row) => ({ ...row, permalink: null }));
    expect(withoutLinks(page.rows)).toEqual(withoutLinks(history.rows));
    expect(page.breakdown).toEqual(history.breakdown);
    expect(page.rows.map((row) => row.link_token).sort()).toEqual(
      [token('exit-institution-down'), token('bank-down')].sort(),
    );
    expect(page.rows[0]!.permalink).toBe(`${url}/?link_token=${page.rows[0]!.link_token}&kept=1`);
    expect(JSON.stringify(result)).not.toMatch(/"mask"|"public_token"|public-sandbox-|"accounts"/);
  });

  it('inspect_link_token says which sessions only the store still has', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startInspector(
      {
        PLAID_UPSTREAM: 'plaid',
        PLAID_CLIENT_ID: 'server-client-id',
        PLAID_SECRET_SANDBOX: 'server-sandbox-secret',
      },
      store,
      upstream.url,
    );
    const linkToken = 'link-sandbox-31313131-0000-4000-8000-000000000031';
    const earlier = makeSession({ link_session_id: 'earlier-session' });
    const later = makeSession({ link_session_id: 'later-session' });
    const client = await connect(url);
    const inspect = async () =>
      InspectLinkTokenResultSchema.parse(
        (
          (await client.callTool({
            name: 'inspect_link_token',
            arguments: { link_token: linkToken },
          })) as CallToolResult
        ).structuredContent,
      );
    upstream.answerWith(json(200, makeResponse({ link_token: linkToken, link_sessions: [earlier, later] })));
    expect((await inspect()).kept).toMatchObject({ status: 'queued', sessions_only_kept: 0 });
    await store.idle();

    // Plaid has dropped the earlier session; the store still has it.
    upstream.answerWith(json(200, makeResponse({ link_token: linkToken, link_sessions: [later] })));
    const report = await inspect();
    await client.close();
    await upstream.close();
    expect(report.sessions_total).toBe(2);
    expect(
      Object.fromEntries(report.sessions.map((session) => [session.link_session_id, session.source])),
    ).toEqual({
      'earlier-session': 'lookup',
      'later-session': 'plaid',
    });
    expect(report.kept).toMatchObject({
      sessions_only_kept: 1,
      permalink: `/?link_token=${linkToken}&kept=1`,
    });
  });
});
