import { setTimeout as sleep } from 'node:timers/promises';

import { Agent, type Dispatcher } from 'undici';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../shared/json-depth';
import type { PlaidEnvironment } from '../../shared/link-token';
import type { BytesInFlight } from './bytes-in-flight';
import { ownEntry } from '../../shared/own-entry';
import { containsSecret, type SecretPatterns } from './secret-echo';

// Calls one of Plaid's read-only endpoints once (or twice, when a retry is safe) and turns whatever
// happens into either Plaid's own answer, to pass through unchanged, or one of our upstream errors.
// Transport: undici's request() on one keep-alive Agent (a connection pool per origin), not the
// global fetch. Node 20's fetch builds WHATWG Request/Response/stream objects on every call, which
// measured ~2.7 ms p50 per call against ~0.1 ms for request() (docs/benchmarks.md, Latest
// figures). Reading (or destroying) every body is what lets a connection go back to the pool.
const agent = new Agent({ keepAliveTimeout: 10_000 });

export const PLAID_VERSION = '2020-09-14';

export type PlaidCall = {
  // Named in messages to the user; the URL is the operator's business and is never shown.
  environment: PlaidEnvironment;
  baseUrl: string;
  clientId: string;
  secret: string;
  timeoutMs: number;
  maxResponseBytes: number;
  // Shared by all lookups: the bytes of the answers being read (UPSTREAM_MAX_BYTES_IN_FLIGHT).
  bytesInFlight: BytesInFlight;
  // The server's own Plaid secrets: an answer holding one is refused (see secret-echo.ts).
  serverSecrets: SecretPatterns;
  // The browser's request: when it goes away, the upstream call is abandoned too. Absent for a
  // call whose answer several requests share.
  signal?: AbortSignal;
};

export type PlaidOutcome =
  // Plaid answered with JSON: its status, body (the bytes as received) and Retry-After, to pass
  // on, and its request_id for our log (capped and made printable: see loggable()).
  | {
      ok: true;
      status: number;
      body: Uint8Array<ArrayBuffer>;
      retryAfter: string | null;
      plaidRequestId: string | undefined;
    }
  | {
      ok: false;
      code: 'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNREACHABLE' | 'UPSTREAM_BAD_RESPONSE' | 'SERVER_BUSY';
      message: string;
      // For the server's log, when its operator must act. Never holds a secret.
      operatorAlert?: string;
    };

type Attempt = { outcome: PlaidOutcome; retryable: boolean };

// The retry waits 100–300 ms: long enough for a blip to pass, spread so that many clients hit by
// the same blip do not come back in lockstep.
const RETRY_DELAY_MS = 100;
const RETRY_JITTER_MS = 200;
// Gateway errors mean the request most likely never reached Plaid's application.
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
// Fatal: an answer that is not valid UTF-8 is not JSON. One decoder for every call: decode()
// without { stream: true } keeps no state between calls, and building one costs more than using it.
const utf8 = new TextDecoder('utf-8', { fatal: true });

const BUSY: PlaidOutcome = {
  ok: false,
  code: 'SERVER_BUSY',
  message: 'The server is reading as many answers from Plaid as its memory allows. Try again in a moment.',
};

export function getLinkToken(call: PlaidCall & { linkToken: string }): Promise<PlaidOutcome> {
  return callPlaid(call, '/link/token/get', { link_token: call.linkToken });
}

// The institution with its health (include_status) and its logo, colour and URL
// (include_optional_metadata).
export function getInstitutionById(
  call: PlaidCall & { institutionId: string; countryCodes: readonly string[] },
): Promise<PlaidOutcome> {
  return callPlaid(call, '/institutions/get_by_id', {
    institution_id: call.institutionId,
    country_codes: call.countryCodes,
    options: { include_status: true, include_optional_metadata: true },
  });
}

// The public key Plaid signs webhooks with, by the kid in a webhook's Plaid-Verification header.
export function getWebhookVerificationKey(call: PlaidCall & { keyId: string }): Promise<PlaidOutcome> {
  return callPlaid(call, '/webhook_verification_key/get', { key_id: call.keyId });
}

async function callPlaid(call: PlaidCall, path: string, body: object): Promise<PlaidOutcome> {
  if (!call.bytesInFlight.hasRoom()) return BUSY;
  // The bytes of this call's answers, counted while they are read and given back at the end.
  let heldBytes = 0;
  const takeBytes = (bytes: number): boolean => {
    if (!call.bytesInFlight.take(bytes)) return false;
    heldBytes += bytes;
    return true;
  };
  // One deadline for the whole call, retry included: the user waits at most PLAID_TIMEOUT_MS.
  // A plain controller and timer rather than AbortSignal.any() with AbortSignal.timeout(): Node's
  // AbortSignal.any() has leaked memory (nodejs/node#54614), and this runs for every lookup.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs);
  const abandon = () => controller.abort();
  call.signal?.addEventListener('abort', abandon);
  if (call.signal?.aborted) abandon();
  const send = { endpoint: endpoint(call.baseUrl, path), body: JSON.stringify(body) };

  try {
    const first = await attempt(call, send, controller.signal, takeBytes);
    if (!first.retryable) return first.outcome;
    await sleep(RETRY_DELAY_MS + Math.random() * RETRY_JITTER_MS, undefined, { signal: controller.signal });
    return (await attempt(call, send, controller.signal, takeBytes)).outcome;
  } catch (error) {
    // The browser went away: nobody is left to answer, and the caller decides what to record.
    if (call.signal?.aborted) throw call.signal.reason;
    if (timedOut) {
      return {
        ok: false,
        code: 'UPSTREAM_TIMEOUT',
        message: `Plaid did not answer within ${seconds(call.timeoutMs)}.`,
      };
    }
    throw error;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', abandon);
    // The caller turns the answer into its response without waiting, so the bytes are handed on.
    call.bytesInFlight.give(heldBytes);
  }
}

// Where a call goes, worked out once per base URL and path (configuration holds one base URL per
// environment) and handed to the Agent as origin and path. undici's top-level request(url) parses
// the URL and copies its options on every call: ~15 µs of CPU per call more (docs/benchmarks.md,
// Where a lookup's time goes).
type Endpoint = { origin: string; path: string };
const endpoints = new Map<string, Endpoint>();

function endpoint(baseUrl: string, path: string): Endpoint {
  const key = `${baseUrl}${path}`;
  let found = endpoints.get(key);
  if (!found) {
    const url = new URL(key);
    found = { origin: url.origin, path: url.pathname };
    endpoints.set(key, found);
  }
  return found;
}

// Every endpoint called only reads, so sending a request again is harmless; that is why a failure before
// any answer can be retried even if the first request may have reached Plaid.
async function attempt(
  call: PlaidCall,
  send: { endpoint: Endpoint; body: string },
  signal: AbortSignal,
  takeBytes: (bytes: number) => boolean,
): Promise<Attempt> {
  let response: Dispatcher.ResponseData;
  try {
    // undici's request() never follows redirects: a redirect would send the credentials somewhere
    // configuration did not name.
    response = await agent.request({
      ...send.endpoint,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'PLAID-CLIENT-ID': call.clientId,
        'PLAID-SECRET': call.secret,
        'Plaid-Version': PLAID_VERSION,
      },
      body: send.body,
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    // undici refused to build the request (a header value it cannot send, say): our bug, not the
    // network's. Sending it again would fail again, and blaming the network would raise the
    // wrong alarm; it becomes an INTERNAL_ERROR.
    if (errorCode(error) === 'UND_ERR_INVALID_ARG') throw error;
    return {
      retryable: true,
      outcome: {
        ok: false,
        code: 'UPSTREAM_UNREACHABLE',
        message: `Could not reach Plaid's ${call.environment} environment (${networkProblem(error)}). Check that the server can reach Plaid, then try again.`,
      },
    };
  }

  const status = response.statusCode;
  const retryable = RETRYABLE_STATUSES.has(status);
  const badResponse = (problem: string): Attempt => ({
    retryable,
    outcome: {
      ok: false,
      code: 'UPSTREAM_BAD_RESPONSE',
      message: `Plaid answered HTTP ${status} ${problem}.`,
    },
  });

  // Only 2xx, 4xx and 5xx carry a Plaid answer; anything else (a redirect, or a status no HTTP
  // client could pass on) is not Plaid speaking.
  if (status < 200 || (status >= 300 && status < 400) || status > 599) {
    discard(response);
    return badResponse('where a JSON answer was expected');
  }

  let body: Uint8Array<ArrayBuffer> | 'too-large' | 'busy';
  try {
    body = await readAtMost(response, call.maxResponseBytes, takeBytes);
  } catch (error) {
    if (signal.aborted) throw error;
    return badResponse('but the answer was cut off before it was complete');
  }
  if (body === 'busy') return { retryable: false, outcome: BUSY };
  if (body === 'too-large')
    return badResponse(`with an answer larger than the ${megabytes(call.maxResponseBytes)} limit`);

  // Checked before anything of the answer can reach the user, even as an error message.
  const retryAfter = header(response, 'retry-after');
  if (
    containsSecret(body, call.serverSecrets) ||
    (retryAfter !== null && containsSecret(Buffer.from(retryAfter), call.serverSecrets))
  ) {
    return { retryable: false, outcome: echoedSecret(call.environment, status) };
  }

  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(body));
  } catch {
    return badResponse('with an answer that is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return badResponse('with JSON that is not an object');
  }
  // The browser would render it, and run out of stack on it (see shared/json-depth.ts).
  if (exceedsJsonDepth(json, MAX_JSON_DEPTH)) {
    return badResponse(`with JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }

  return {
    retryable: retryable || isPlaidInternalError(json),
    outcome: {
      ok: true,
      status,
      // The bytes, not the decoded text: the text would be encoded again to be sent, and for a
      // large answer it is megabytes held until then.
      body,
      retryAfter,
      plaidRequestId:
        'request_id' in json && typeof json.request_id === 'string' ? loggable(json.request_id) : undefined,
    },
  };
}

// An echoing gateway answers the same way every time: nothing to retry, and much to tell.
function echoedSecret(environment: PlaidEnvironment, status: number): PlaidOutcome {
  const variable = `PLAID_${environment.toUpperCase()}_URL`;
  return {
    ok: false,
    code: 'UPSTREAM_BAD_RESPONSE',
    message: `Plaid answered HTTP ${status} with an answer that contains the server's own Plaid secret, so it was not passed on. The server's address for Plaid's ${environment} environment seems to reach a service that echoes requests: tell the server's operator.`,
    operatorAlert: `Refused Plaid's ${environment} answer (HTTP ${status}): it contains the server's Plaid secret. ${variable} seems to point at a gateway or proxy that echoes requests; that service holds the secret. Point ${variable} at Plaid, and consider rotating the secret.`,
  };
}

// Streams the body and stops as soon as it passes the cap, or the bytes in flight would, so a
// runaway answer never sits in memory.
async function readAtMost(
  response: Dispatcher.ResponseData,
  maxBytes: number,
  takeBytes: (bytes: number) => boolean,
): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'busy'> {
  if (Number(header(response, 'content-length')) > maxBytes) {
    discard(response);
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      discard(response);
      return 'too-large';
    }
    if (!takeBytes(chunk.byteLength)) {
      discard(response);
      return 'busy';
    }
    chunks.push(chunk);
  }
  // Copied into a plain Uint8Array rather than Buffer.concat()ed: a Buffer may sit on a shared
  // pool, which a Response body does not take.
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// Closes an answer we will not read. undici reports a destroyed, unfinished body as an 'error'
// (RequestAbortedError); nobody is waiting for it, so it is swallowed rather than left uncaught.
function discard(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => {});
  response.body.destroy();
}

// undici gives header names in lower case; a repeated header arrives as an array.
function header(response: Dispatcher.ResponseData, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// Plaid's request_id as our log writes it. It comes from the answer, which could put a megabyte,
// line breaks or terminal escapes there: capped, and kept to printable ASCII.
const MAX_LOGGED_ID_CHARS = 64;

function loggable(id: string): string {
  const printable = id.slice(0, MAX_LOGGED_ID_CHARS).replace(/[^\x20-\x7E]/g, '?');
  return id.length > MAX_LOGGED_ID_CHARS ? `${printable}…` : printable;
}

// Plaid's own "something broke on our side, try again" answer.
function isPlaidInternalError(json: object): boolean {
  return (
    'error_type' in json &&
    json.error_type === 'API_ERROR' &&
    'error_code' in json &&
    json.error_code === 'INTERNAL_SERVER_ERROR'
  );
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed before an answer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

// undici's errors carry a code, either their own (UND_ERR_*) or the socket's (ECONNREFUSED, ...).
function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

function networkProblem(error: unknown): string {
  const code = errorCode(error);
  const problem = code === undefined ? undefined : ownEntry(NETWORK_PROBLEMS, code);
  if (problem) return problem;
  if (code?.includes('CERT') || code?.includes('TLS')) return 'TLS certificate problem';
  return code ?? 'network error';
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${bytes}-byte`;
}
