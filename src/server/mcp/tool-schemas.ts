import { z } from 'zod';
import {
  ACTOR_LABELS,
  FINDING_IDS,
  SEVERITY_LABELS,
  STEP_LABELS,
  VERDICTS,
  type Actor,
  type Severity,
  type StepKind,
} from '../../shared/diagnosis';
import { KEPT_SOURCES } from '../../shared/history/history-api';
import { HEALTH_LEVEL_LABELS, type HealthLevel } from '../../shared/domain/institution-health';
import { PLAID_ENVIRONMENTS } from '../../shared/link-token';

// What the MCP tools return as structured content, published with each tool as its output schema.
// The words (verdicts, actors, steps, findings) are the diagnosis's own lists, so the assistant
// reads the same vocabulary as the page; the fields are snake_case like the rest of the API.

const keysOf = <Key extends string>(record: Readonly<Record<Key, string>>) =>
  Object.keys(record) as [Key, ...Key[]];

const ActorSchema = z.enum(keysOf<Actor>(ACTOR_LABELS));
const time = z.string().nullable();

// At most this many sessions are listed (newest first); sessions_total counts them all.
export const MAX_LISTED_SESSIONS = 10;

export const VerdictSchema = z.object({
  outcome: z.enum(VERDICTS),
  // The word the page shows for the outcome ("Failed").
  label: z.string(),
  // One sentence: the outcome, the institution, the error code and exit status where present.
  headline: z.string(),
  institution: z.string().nullable(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  exit_status: z.string().nullable(),
  actor: ActorSchema,
  actor_label: z.string(),
  next_step: z.string(),
  explanation: z.string().nullable(),
  docs_url: z.string().nullable(),
  // What the end user saw, in a sentence or three; null without a session.
  end_user_saw: z.string().nullable(),
  // What the other sessions add.
  notes: z.array(z.string()),
});

const FindingSchema = z.object({
  id: z.enum(FINDING_IDS),
  severity: z.enum(keysOf<Severity>(SEVERITY_LABELS)),
  title: z.string(),
  field: z.string(),
  value: z.string().nullable(),
  meaning: z.string(),
  docs_url: z.string(),
});

const StepSchema = z.object({
  kind: z.enum(keysOf<StepKind>(STEP_LABELS)),
  label: z.string(),
  started_at: z.string(),
  duration_ms: z.number().nullable(),
  detail: z.string().nullable(),
  error_code: z.string().nullable(),
});

// plaid: in Plaid's answer now. The others: only the inspector's store still has the session
// (Plaid drops a session six hours after it ends), kept from a lookup, a recording of Link's
// client events, or a webhook.
export const SESSION_SOURCES = ['plaid', ...KEPT_SOURCES] as const;

const SessionSchema = z.object({
  link_session_id: z.string(),
  verdict: z.enum(VERDICTS),
  institution: z.string().nullable(),
  institution_id: z.string().nullable(),
  error_code: z.string().nullable(),
  exit_status: z.string().nullable(),
  started_at: time,
  finished_at: time,
  last_activity_at: time,
  stopped_at: z.enum(keysOf<StepKind>(STEP_LABELS)).nullable(),
  source: z.enum(SESSION_SOURCES),
  // When the store last saw it (null for plaid).
  kept_at: time,
  steps: z.array(StepSchema),
});

export const InspectLinkTokenResultSchema = z.object({
  link_token: z.string(),
  environment: z.enum(PLAID_ENVIRONMENTS),
  verdict: VerdictSchema,
  // Most severe first.
  findings: z.array(FindingSchema),
  // Newest first; the verdict's session is the one named by verdict_session_id.
  sessions: z.array(SessionSchema),
  sessions_total: z.number().int(),
  verdict_session_id: z.string().nullable(),
  validity: z.object({
    status: z.enum(['active', 'expired', 'unknown']),
    expiration: z.string().nullable(),
    // "2 hours 10 minutes", "none: expired 3 days ago".
    time_left: z.string(),
  }),
  // What the inspector's store did with this answer and holds for the token; null without a store.
  kept: z
    .object({
      status: z.enum(['queued', 'not kept', 'skipped']),
      sessions_only_kept: z.number().int(),
      permalink: z.string(),
    })
    .nullable(),
  // The inspector's page for this token, for a person to open.
  inspector_url: z.string(),
  plaid_request_id: z.string().nullable(),
  looked_up_at: z.string(),
});
export type InspectLinkTokenResult = z.infer<typeof InspectLinkTokenResultSchema>;

// One token of a batch: the verdict in a line, or why the lookup failed.
const BatchRowSchema = z.object({
  link_token: z.string(),
  verdict: z.enum([...VERDICTS, 'lookup failed']),
  headline: z.string(),
  institution: z.string().nullable(),
  institution_id: z.string().nullable(),
  error_code: z.string().nullable(),
  exit_status: z.string().nullable(),
  actor: ActorSchema,
  next_step: z.string(),
  validity: z.enum(['active', 'expired', 'unknown']).nullable(),
  session_count: z.number().int().nullable(),
  inspector_url: z.string(),
});

const CountSchema = z.object({ value: z.string(), count: z.number().int() });

// At most this many tokens in one call (as a batch on the page, a few minutes of lookups at most).
export const MAX_BATCH_TOKENS = 100;

export const InspectLinkTokensResultSchema = z.object({
  total: z.number().int(),
  // Counted by the rules batch and History count by (shared/diagnosis/breakdown-rules.ts):
  // verdicts worst first, the other groups most first.
  breakdown: z.object({
    verdict: z.array(CountSchema),
    error_code: z.array(CountSchema),
    institution: z.array(CountSchema),
    exit_status: z.array(CountSchema),
  }),
  // Banks with failed tokens, most failures first.
  banks: z.array(
    z.object({
      institution: z.string(),
      institution_id: z.string().nullable(),
      failed: z.number().int(),
      total: z.number().int(),
      top_error_codes: z.array(CountSchema),
    }),
  ),
  // In the order the tokens were given.
  rows: z.array(BatchRowSchema),
  looked_up_at: z.string(),
});
export type InspectLinkTokensResult = z.infer<typeof InspectLinkTokensResultSchema>;
export type BatchRowResult = InspectLinkTokensResult['rows'][number];

const RatesSchema = z.object({
  success: z.number(),
  error_institution: z.number(),
  error_plaid: z.number(),
  // "62% succeed; 35% fail at the bank, 3% at Plaid".
  summary: z.string(),
});

const ProductHealthSchema = z.object({
  product: z.string(),
  label: z.string(),
  // null: too little traffic for Plaid to measure.
  level: z.enum(keysOf<HealthLevel>(HEALTH_LEVEL_LABELS)).nullable(),
  rates: RatesSchema.nullable(),
  since: time,
});

export const InstitutionHealthResultSchema = z.object({
  institution_id: z.string(),
  name: z.string(),
  environment: z.enum(PLAID_ENVIRONMENTS),
  // sandbox: Plaid reports no health there; not-enough-traffic: too few logins to measure.
  health: z.enum(['reported', 'sandbox', 'not-enough-traffic']),
  summary: z.string(),
  // Whether users can add Items at the bank: what a failed Link session is about.
  item_logins: ProductHealthSchema.nullable(),
  products: z.array(ProductHealthSchema),
  // Newest first.
  incidents: z.array(
    z.object({
      title: z.string(),
      start: z.string(),
      end: time,
      latest_update: z.string().nullable(),
    }),
  ),
  checked_at: z.string(),
});
export type InstitutionHealthResult = z.infer<typeof InstitutionHealthResultSchema>;
