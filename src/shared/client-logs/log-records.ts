import type { Account, LinkEvent, LinkSessionExit, LinkSession } from '../schemas/link-token-get-response';
import type { PlaidError } from '../schemas/plaid-error';
import {
  ACCOUNT_FIELDS,
  ERROR_FIELDS,
  EVENT_METADATA_FIELDS,
  field,
  fieldsOf,
  stringField,
  type Fields,
} from './fields';

// What one pasted log entry says about a Link session, in the shape of Plaid's own session data.
// An entry is what a line's JSON holds (with the text before it: "onEvent TRANSITION_VIEW {…}"),
// one element of a JSON array of entries, or a webhook body.

export type LogRecord =
  | { kind: 'event'; linkSessionId: string; event: LinkEvent }
  | { kind: 'exit'; linkSessionId: string; exit: NonNullable<LinkSessionExit> }
  | { kind: 'success'; linkSessionId: string; success: NonNullable<LinkSession['on_success']> }
  | { kind: 'events webhook'; linkSessionId: string; linkToken: string | null; events: LinkEvent[] }
  | {
      kind: 'session finished webhook';
      linkSessionId: string;
      linkToken: string | null;
      status: string | null;
      publicTokens: string[];
    };

export type ReadEntry = { ok: true; record: LogRecord; shape: string } | { ok: false; reason: string };

// Where an entry sits: its text before the JSON (timestamps, log levels, "onEvent:") and an id for
// the events it gives, unique within the paste.
export type EntryContext = { label: string; eventIdPrefix: string };

const NOT_LINK = 'JSON, but not a Link callback or a LINK webhook';
const NO_SESSION = 'a Link callback without a link_session_id';
const NO_CALLBACK = 'Link metadata without the callback or event name before it';

const CALLBACK = /\bon_?(event|exit|success)\b/i;
// Upper-case words a log line carries that are levels, not Link event names.
const LOG_LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'WARNING', 'FATAL', 'LOG', 'UTC', 'GMT']);
const UPPER_WORD = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g;
const ZONED_TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/;
const PUBLIC_TOKEN = /\bpublic-[a-z]+-[^\s"',]+/;

type Callback = 'event' | 'exit' | 'success';

function callbackIn(label: string): Callback | null {
  const match = CALLBACK.exec(label);
  return match ? (match[1]!.toLowerCase() as Callback) : null;
}

// "2026-11-25T06:00:01Z INFO onEvent: TRANSITION_VIEW" names TRANSITION_VIEW. After "onEvent" the
// first upper-case word is the name (even ERROR); without it, the last that is not a log level.
function eventNameIn(label: string): string | null {
  const callback = CALLBACK.exec(label);
  if (callback) {
    const after = label.slice(callback.index + callback[0].length).match(UPPER_WORD);
    if (after) return after[0];
  }
  const words = (label.match(UPPER_WORD) ?? []).filter((word) => !LOG_LEVELS.has(word) && word.length > 2);
  return words.at(-1) ?? null;
}

// Link's timestamps are ISO 8601 strings; a mobile app may log epoch seconds or milliseconds.
function timestampOf(fields: Fields, label: string): string {
  const value = field(fields, 'timestamp');
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value > 1e12 ? value : value * 1000).toISOString();
  }
  return ZONED_TIMESTAMP.exec(label)?.[0].replace(' ', 'T') ?? '';
}

function institutionOf(value: unknown): { name?: string; institution_id?: string } | null {
  const fields = fieldsOf(value);
  if (!fields) return null;
  const name = stringField(fields, 'name', 'institution_name');
  const id = stringField(fields, 'institution_id', 'id');
  if (!name && !id) return null;
  return { ...(name && { name }), ...(id && { institution_id: id }) };
}

function eventOf(name: string, metadata: Fields, label: string, eventId: string): LinkEvent {
  const eventMetadata: LinkEvent['event_metadata'] = {};
  for (const field of EVENT_METADATA_FIELDS) {
    const value = stringField(metadata, field);
    if (value !== undefined) eventMetadata[field] = value;
  }
  return {
    event_name: name,
    timestamp: timestampOf(metadata, label),
    event_id: eventId,
    event_metadata: eventMetadata,
  };
}

function errorOf(value: unknown): PlaidError | null {
  const fields = fieldsOf(value);
  const code = fields && stringField(fields, ...ERROR_FIELDS.error_code);
  if (!fields || !code) return null;
  return {
    error_type: stringField(fields, ...ERROR_FIELDS.error_type) ?? '',
    error_code: code,
    error_message: stringField(fields, ...ERROR_FIELDS.error_message) ?? '',
    display_message: stringField(fields, ...ERROR_FIELDS.display_message) ?? null,
  };
}

function exitOf(error: unknown, metadata: Fields, linkSessionId: string): NonNullable<LinkSessionExit> {
  const status = stringField(metadata, 'status', 'exit_status');
  const requestId = stringField(metadata, 'request_id');
  const institution = institutionOf(field(metadata, 'institution'));
  return {
    error: errorOf(error),
    metadata: {
      link_session_id: linkSessionId,
      ...(status && { status }),
      ...(requestId && { request_id: requestId }),
      ...(institution && { institution }),
    },
  };
}

function accountOf(value: unknown): Account | null {
  const fields = fieldsOf(value);
  if (!fields) return null;
  const account: Record<string, string> = {};
  for (const field of ACCOUNT_FIELDS) {
    const text = stringField(fields, field);
    if (text !== undefined) account[field] = text;
  }
  return account;
}

function successOf(publicToken: string, metadata: Fields, linkSessionId: string): LogRecord {
  const accounts = field(metadata, 'accounts');
  const institution = institutionOf(field(metadata, 'institution'));
  return {
    kind: 'success',
    linkSessionId,
    success: {
      public_token: publicToken,
      metadata: {
        link_session_id: linkSessionId,
        ...(institution && { institution }),
        ...(Array.isArray(accounts) && {
          accounts: accounts.map(accountOf).filter((account) => account !== null),
        }),
      },
    },
  };
}

// Which SDK spells its fields this way: snake_case is the web SDK (and Plaid's API).
function sdkOf(...objects: readonly unknown[]): string {
  const keys = objects.flatMap((object) =>
    typeof object === 'object' && object !== null ? Object.keys(object) : [],
  );
  return keys.some((key) => /[a-z][A-Z]/.test(key)) ? 'iOS / Android / React Native' : 'web SDK';
}

function webhookOf(body: Fields): ReadEntry {
  const code = stringField(body, 'webhook_code');
  const linkSessionId = stringField(body, 'link_session_id');
  if (!linkSessionId) return { ok: false, reason: `a LINK ${code ?? ''} webhook without a link_session_id` };
  const linkToken = stringField(body, 'link_token') ?? null;
  if (code === 'EVENTS') {
    const events = field(body, 'events');
    if (!Array.isArray(events)) return { ok: false, reason: 'a LINK EVENTS webhook without its events' };
    const read = events.flatMap((item, index): LinkEvent[] => {
      const fields = fieldsOf(item);
      const name = fields && stringField(fields, 'event_name');
      if (!fields || !name) return [];
      const metadata = fieldsOf(field(fields, 'event_metadata')) ?? new Map();
      const event = eventOf(
        name,
        metadata,
        '',
        stringField(fields, 'event_id') ?? `${linkSessionId}-${index}`,
      );
      const timestamp = stringField(fields, 'timestamp');
      return [timestamp ? { ...event, timestamp } : event];
    });
    return {
      ok: true,
      shape: 'LINK EVENTS webhook',
      record: { kind: 'events webhook', linkSessionId, linkToken, events: read },
    };
  }
  const single = stringField(body, 'public_token');
  const list = field(body, 'public_tokens');
  const publicTokens = Array.isArray(list)
    ? list.filter((token): token is string => typeof token === 'string')
    : single
      ? [single]
      : [];
  return {
    ok: true,
    shape: 'LINK SESSION_FINISHED webhook',
    record: {
      kind: 'session finished webhook',
      linkSessionId,
      linkToken,
      status: stringField(body, 'status') ?? null,
      publicTokens,
    },
  };
}

function isLinkWebhook(fields: Fields): boolean {
  const code = stringField(fields, 'webhook_code');
  return stringField(fields, 'webhook_type') === 'LINK' && (code === 'EVENTS' || code === 'SESSION_FINISHED');
}

// One object: a webhook body, an SDK callback object ({eventName, metadata}, {error, metadata},
// {publicToken, metadata}) or bare callback metadata named by the label before it.
function readObject(value: object, context: EntryContext): ReadEntry {
  const fields = fieldsOf(value)!;
  if (isLinkWebhook(fields)) return webhookOf(fields);
  const wrapped = fieldsOf(field(fields, 'metadata') ?? field(fields, 'event_metadata'));
  if (wrapped) {
    const linkSessionId = stringField(wrapped, 'link_session_id') ?? stringField(fields, 'link_session_id');
    if (!linkSessionId) return { ok: false, reason: NO_SESSION };
    const sdk = sdkOf(value, field(fields, 'metadata') ?? field(fields, 'event_metadata'));
    const name = stringField(fields, 'event_name', 'event');
    if (name) {
      return {
        ok: true,
        shape: `${sdk} onEvent`,
        record: {
          kind: 'event',
          linkSessionId,
          event: eventOf(name, wrapped, context.label, context.eventIdPrefix),
        },
      };
    }
    const publicToken = stringField(fields, 'public_token');
    if (publicToken)
      return { ok: true, shape: `${sdk} onSuccess`, record: successOf(publicToken, wrapped, linkSessionId) };
    return {
      ok: true,
      shape: `${sdk} onExit`,
      record: { kind: 'exit', linkSessionId, exit: exitOf(field(fields, 'error'), wrapped, linkSessionId) },
    };
  }
  return readArguments([value], context);
}

// A callback's arguments as the app logged them: the web SDK's onEvent(eventName, metadata),
// onExit(error, metadata) and onSuccess(public_token, metadata), in JSON or after a label.
function readArguments(args: readonly unknown[], context: EntryContext): ReadEntry {
  const metadataValue = args.at(-1);
  const metadata = fieldsOf(metadataValue);
  if (!metadata) return { ok: false, reason: NOT_LINK };
  const linkSessionId = stringField(metadata, 'link_session_id');
  if (!linkSessionId)
    return { ok: false, reason: field(metadata, 'event_name') !== undefined ? NO_SESSION : NOT_LINK };
  const sdk = sdkOf(metadataValue);
  const [first] = args.length > 1 ? args : [undefined];
  const callback = callbackIn(context.label);
  const publicToken =
    typeof first === 'string' && first.startsWith('public-') ? first : PUBLIC_TOKEN.exec(context.label)?.[0];
  if (
    callback === 'success' ||
    (callback === null && (publicToken || field(metadata, 'accounts') !== undefined))
  ) {
    return {
      ok: true,
      shape: `${sdk} onSuccess`,
      record: successOf(publicToken ?? '', metadata, linkSessionId),
    };
  }
  const eventName =
    typeof first === 'string' ? first : callback !== 'exit' ? eventNameIn(context.label) : null;
  if (
    callback === 'exit' ||
    (eventName === null && (args.length > 1 || field(metadata, 'status') !== undefined))
  ) {
    return {
      ok: true,
      shape: `${sdk} onExit`,
      record: { kind: 'exit', linkSessionId, exit: exitOf(first, metadata, linkSessionId) },
    };
  }
  if (eventName === null) return { ok: false, reason: NO_CALLBACK };
  return {
    ok: true,
    shape: `${sdk} onEvent`,
    record: {
      kind: 'event',
      linkSessionId,
      event: eventOf(eventName, metadata, context.label, context.eventIdPrefix),
    },
  };
}

// The values found on one line (or one array element), with the text before them.
export function readEntry(values: readonly unknown[], context: EntryContext): ReadEntry {
  if (
    values.length === 1 &&
    typeof values[0] === 'object' &&
    values[0] !== null &&
    !Array.isArray(values[0])
  ) {
    return readObject(values[0], context);
  }
  return readArguments(values, context);
}
