import { diagnose } from '../diagnosis/diagnose';
import { STEP_LABELS } from '../diagnosis/session-steps';
import { VERDICT_LABELS } from '../diagnosis/verdict';
import { formatUtc, parseDate } from '../domain/format-time';
import { tokenLifetime } from '../domain/token-lifetime';
import type { LinkTokenGetResponse, LinkTokenMetadata } from '../schemas/link-token-get-response';

// Two lookups side by side (yesterday's passing run and today's failing one): the configuration
// and the outcome, each row marked when the two differ. Lists Plaid treats as sets compare without
// regard to order; the token itself and its times always differ and are not marked.

export interface ComparisonRow {
  label: string;
  first: string;
  second: string;
  differs: boolean;
}

export interface AnswerComparison {
  configuration: ComparisonRow[];
  outcome: ComparisonRow[];
  // How many rows differ, both groups together.
  differences: number;
}

const NONE = 'none';

type Side = { text: string; key: string };

function plain(value: string | null | undefined): Side {
  const text = value ? value : NONE;
  return { text, key: text };
}

function set(values: readonly string[]): Side {
  return { text: values.length > 0 ? values.join(', ') : NONE, key: [...values].sort().join('\n') };
}

// Plaid's account_filters is a loose object: read only subtypes that are strings.
function subtypesOf(filter: unknown): string[] {
  if (!filter || typeof filter !== 'object' || !('account_subtypes' in filter)) return [];
  const subtypes = filter.account_subtypes;
  return Array.isArray(subtypes)
    ? subtypes.filter((value): value is string => typeof value === 'string')
    : [];
}

function filters(metadata: LinkTokenMetadata): Side {
  const entries = Object.entries(metadata.account_filters ?? {})
    .map(([type, filter]) => {
      const subtypes = subtypesOf(filter);
      return {
        type,
        text: `${type}: ${subtypes.join(', ') || NONE}`,
        key: `${type}:${[...subtypes].sort().join(',')}`,
      };
    })
    .sort((a, b) => a.type.localeCompare(b.type));
  if (entries.length === 0) return plain(null);
  return {
    text: entries.map((entry) => entry.text).join('; '),
    key: entries.map((entry) => entry.key).join(';'),
  };
}

function utc(value: string | null): string {
  const date = parseDate(value);
  return date ? formatUtc(date) : 'not given';
}

function row(label: string, first: Side, second: Side, marked = true): ComparisonRow {
  return { label, first: first.text, second: second.text, differs: marked && first.key !== second.key };
}

function configurationSides(answer: LinkTokenGetResponse): Array<[string, Side, boolean]> {
  const { metadata } = answer;
  return [
    ['Link token', plain(answer.link_token), false],
    ['Created', plain(utc(answer.created_at)), false],
    ['Lifetime', plain(tokenLifetime(answer.created_at, answer.expiration)?.text), true],
    ['Client name', plain(metadata.client_name), true],
    ['Initial products', set(metadata.initial_products), true],
    ['Country codes', set(metadata.country_codes.map((code) => code.toUpperCase())), true],
    ['Language', plain(metadata.language), true],
    ['Webhook', plain(metadata.webhook), true],
    ['Redirect URI', plain(metadata.redirect_uri), true],
    ['Account filters', filters(metadata), true],
  ];
}

function outcomeSides(answer: LinkTokenGetResponse, at: number): Array<[string, Side, boolean]> {
  const diagnosis = diagnose(answer, at);
  const session = diagnosis.sessions.find((candidate) => candidate.linkSessionId === diagnosis.linkSessionId);
  return [
    ['Verdict', plain(VERDICT_LABELS[diagnosis.verdict]), true],
    ['Institution', plain(diagnosis.institution), true],
    ['Error code', plain(diagnosis.error?.error_code), true],
    ['Stopped at', plain(session?.stoppedAt ? STEP_LABELS[session.stoppedAt] : null), true],
    ['Exit status', plain(session?.exitStatus), true],
    ['Sessions', plain(String(diagnosis.sessions.length)), true],
  ];
}

function pair(
  first: Array<[string, Side, boolean]>,
  second: Array<[string, Side, boolean]>,
): ComparisonRow[] {
  return first.map(([label, side, marked], index) => row(label, side, second[index]![1], marked));
}

// `firstAt`, `secondAt`: when each answer was Plaid's (epoch ms); each outcome is read as of then.
export function compareAnswers(
  first: LinkTokenGetResponse,
  firstAt: number,
  second: LinkTokenGetResponse,
  secondAt: number,
): AnswerComparison {
  const configuration = pair(configurationSides(first), configurationSides(second));
  const outcome = pair(outcomeSides(first, firstAt), outcomeSides(second, secondAt));
  const differences = [...configuration, ...outcome].filter((candidate) => candidate.differs).length;
  return { configuration, outcome, differences };
}
