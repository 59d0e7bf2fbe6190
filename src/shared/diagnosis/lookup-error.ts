import { errorDocsUrl } from '../domain/error-docs';
import { errorSource, errorTitle, type ErrorSource } from '../domain/error-title';
import { LOOKUP_FAILED, type StatusTone } from '../domain/status-tone';
import type { ClientErrorCode } from '../schemas/client-error';
import type { PlaidError } from '../schemas/plaid-error';
import type { ProxyErrorCode } from '../schemas/proxy-error';
import type { Actor } from './actors';
import type { LookupVerdict } from './verdict';
import { ownEntry } from '../own-entry';

// A lookup that got no answer to diagnose, in the same language as a diagnosis: who acts next, the
// next step, and whether trying again can help (rate limits, Plaid's 5xx, timeouts, the network).
export interface LookupDiagnosis {
  verdict: LookupVerdict;
  tone: StatusTone;
  // "INVALID_LINK_TOKEN: Plaid does not know this link token (…)."
  headline: string;
  actor: Actor;
  nextStep: string;
  // Our words for the cause; null when we have none (then the error's own message speaks).
  explanation: string | null;
  retryable: boolean;
  source: ErrorSource;
  errorType: string;
  errorCode: string;
  httpStatus: number | null;
  requestId: string | null;
  // Plaid's page for its own errors; null for the inspector's.
  docsUrl: string | null;
}

interface LookupAdvice {
  actor: Actor;
  nextStep: string;
  explanation?: string;
  retryable?: boolean;
}

const PLAID_ADVICE: Readonly<Record<string, LookupAdvice>> = {
  INVALID_LINK_TOKEN: {
    actor: 'inspector user',
    explanation:
      'Plaid does not know this token for these credentials: it belongs to the other environment (a link-sandbox- token needs Sandbox credentials, a link-production- one Production credentials), another team created it (another client_id), it is mistyped, or it is older than Plaid keeps link tokens.',
    nextStep:
      'Use the credentials of the team that created the token, for the token’s environment. If they are right, the token is too old to look up: ask for a newer one.',
  },
  INVALID_API_KEYS: {
    actor: 'inspector user',
    explanation: 'Plaid rejected the client_id or secret.',
    nextStep:
      'Check the client_id and secret: Sandbox and Production have different secrets. If you left the fields empty, the inspector’s own credentials are wrong: tell whoever runs it.',
  },
  UNAUTHORIZED_ENVIRONMENT: {
    actor: 'inspector user',
    explanation: 'These credentials may not call this Plaid environment.',
    nextStep:
      'Use credentials enabled for the token’s environment (Production access is granted in Plaid’s Dashboard).',
  },
  PLANNED_MAINTENANCE: {
    actor: 'inspector user',
    explanation: 'Plaid’s API is down for planned maintenance.',
    nextStep: 'Wait for the maintenance to end (status.plaid.com says when), then try again.',
    retryable: true,
  },
};

const PLAID_TYPE_ADVICE: Readonly<Record<string, LookupAdvice>> = {
  RATE_LIMIT_EXCEEDED: {
    actor: 'inspector user',
    explanation: 'Plaid limits how often each client may call it, and these credentials reached the limit.',
    nextStep: 'Wait a minute, then try again.',
    retryable: true,
  },
  API_ERROR: {
    actor: 'inspector user',
    explanation: 'Plaid had an error of its own.',
    nextStep:
      'Try again in a moment. If it persists, check status.plaid.com and contact Plaid support with the request ID.',
    retryable: true,
  },
  INVALID_REQUEST: {
    actor: 'inspector operator',
    nextStep:
      'Tell whoever runs the inspector, with the request ID: Plaid rejected the request the inspector built.',
  },
  INVALID_INPUT: {
    actor: 'inspector user',
    nextStep: 'Check the token and credentials you entered against Plaid’s message.',
  },
};

const PROXY_ADVICE: Readonly<Record<ProxyErrorCode, LookupAdvice>> = {
  INVALID_BODY: {
    actor: 'inspector operator',
    nextStep: 'Reload the page and try again; if it persists, tell whoever runs the inspector.',
  },
  INVALID_QUERY: {
    actor: 'inspector user',
    nextStep: 'Check the address’s filters against the message (History’s filters, docs/api.md).',
  },
  MALFORMED_LINK_TOKEN: {
    actor: 'inspector user',
    nextStep: 'Paste a link_token: link-sandbox-… or link-production-… followed by a UUID.',
  },
  WRONG_TOKEN_TYPE: {
    actor: 'inspector user',
    nextStep: 'Paste the link_token instead (the message says what was pasted).',
  },
  ENVIRONMENT_RETIRED: {
    actor: 'inspector user',
    nextStep:
      'Development tokens can no longer be looked up: look up the Sandbox or Production token instead.',
  },
  MISSING_CREDENTIALS: {
    actor: 'inspector user',
    nextStep:
      'Enter the client_id and secret of the team that created the token: this server holds none for its environment.',
  },
  INCOMPLETE_CREDENTIALS: {
    actor: 'inspector user',
    nextStep: 'Enter both the client_id and the secret, or neither.',
  },
  REQUEST_CREDENTIALS_DISABLED: {
    actor: 'inspector operator',
    nextStep:
      'Leave the credential fields empty (this server uses only its own), or ask whoever runs it to allow yours.',
  },
  UNAUTHORIZED: { actor: 'inspector user', nextStep: 'Sign in again, then repeat the lookup.' },
  // Met by machine clients only: no page of the inspector sends an API key.
  MISSING_SCOPE: {
    actor: 'inspector user',
    nextStep: 'Make an API key with the scope this endpoint needs (the message names it) and use that one.',
  },
  FORBIDDEN_ORIGIN: {
    actor: 'inspector operator',
    nextStep:
      'Open the inspector at its own address; if this is it, whoever runs it adds this origin to the allowed ones.',
  },
  NOT_FOUND: {
    actor: 'inspector operator',
    nextStep: 'Tell whoever runs the inspector: its API is not where the page expects it.',
  },
  NOT_KEPT: {
    actor: 'inspector user',
    explanation:
      'The inspector keeps what it saw of a token for a limited time, or until someone deletes it.',
    nextStep: 'Look the token up with Plaid instead: Plaid may still hold it.',
  },
  STORE_UNAVAILABLE: {
    actor: 'inspector operator',
    explanation: 'The inspector could not reach the database where it keeps earlier answers.',
    nextStep:
      'Look the token up with Plaid meanwhile; whoever runs the inspector checks its store (/readyz).',
    retryable: true,
  },
  // Only Plaid meets this one (POST /api/webhooks/plaid), never the page; here for completeness.
  WEBHOOK_NOT_CONFIGURED: {
    actor: 'inspector operator',
    explanation:
      "The inspector holds no Plaid secret for the webhook's environment, so it cannot check Plaid's signature.",
    nextStep: 'Whoever runs the inspector sets PLAID_CLIENT_ID and the PLAID_SECRET_* for that environment.',
  },
  PAYLOAD_TOO_LARGE: {
    actor: 'inspector user',
    nextStep: 'Paste the link token alone, not the text around it.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    actor: 'inspector operator',
    nextStep: 'Reload the page and try again; if it persists, tell whoever runs the inspector.',
  },
  FORBIDDEN_HOST: {
    actor: 'inspector operator',
    explanation: 'The inspector answers only under its own names, and this address is not one of them.',
    nextStep: 'Open the inspector at its usual address; its operator can add this name to ALLOWED_HOSTS.',
  },
  SERVER_BUSY: {
    actor: 'inspector user',
    explanation: 'The inspector is receiving several very large answers from Plaid at once.',
    nextStep: 'Try again in a few seconds.',
    retryable: true,
  },
  RATE_LIMITED: {
    actor: 'inspector user',
    explanation: 'This inspector limits how many lookups each user may make per minute.',
    nextStep: 'Wait a moment (as long as the server asked, when it says), then try again.',
    retryable: true,
  },
  INTERNAL_ERROR: {
    actor: 'inspector operator',
    nextStep: 'Try once more; if it fails again, tell whoever runs the inspector, with the request ID.',
  },
  UPSTREAM_BAD_RESPONSE: {
    actor: 'inspector user',
    explanation:
      'Plaid, or something between the inspector and Plaid, answered with something that is not Plaid’s JSON.',
    nextStep: 'Try again in a moment; if it persists, check status.plaid.com.',
    retryable: true,
  },
  UPSTREAM_UNREACHABLE: {
    actor: 'inspector operator',
    explanation: 'The inspector’s server could not connect to Plaid.',
    nextStep:
      'Try again; if it keeps failing, whoever runs the inspector checks its route to Plaid (DNS, firewall, outbound proxy). status.plaid.com shows Plaid’s own outages.',
    retryable: true,
  },
  UPSTREAM_TIMEOUT: {
    actor: 'inspector user',
    explanation: 'Plaid did not answer in time.',
    nextStep: 'Try again in a moment; if it persists, check status.plaid.com.',
    retryable: true,
  },
};

const CLIENT_ADVICE: Readonly<Record<ClientErrorCode, LookupAdvice>> = {
  NETWORK_ERROR: {
    actor: 'inspector user',
    explanation: 'The browser could not reach the inspector’s server.',
    nextStep:
      'Check your connection and try again; if others cannot reach the inspector either, tell whoever runs it.',
    retryable: true,
  },
  CLIENT_TIMEOUT: {
    actor: 'inspector user',
    explanation: 'The inspector’s server did not answer in time.',
    nextStep: 'Try again in a moment.',
    retryable: true,
  },
  UNEXPECTED_RESPONSE: {
    actor: 'inspector operator',
    explanation:
      'The answer had a shape the inspector does not know (a proxy in between, or an answer Plaid changed).',
    nextStep: 'Tell whoever runs the inspector, with the raw answer shown below.',
  },
  UNEXPECTED_ERROR: {
    actor: 'inspector operator',
    explanation: 'Something failed inside the browser while looking the token up.',
    nextStep:
      'Try the lookup again; if it fails the same way, tell whoever runs the inspector what you did and the error shown.',
  },
  // Batch checks each pasted token in the browser, as the server would: the same advice.
  MALFORMED_LINK_TOKEN: PROXY_ADVICE.MALFORMED_LINK_TOKEN,
  WRONG_TOKEN_TYPE: PROXY_ADVICE.WRONG_TOKEN_TYPE,
  ENVIRONMENT_RETIRED: PROXY_ADVICE.ENVIRONMENT_RETIRED,
};

const FALLBACK: Readonly<Record<ErrorSource, LookupAdvice>> = {
  plaid: {
    actor: 'plaid support',
    nextStep:
      'Read Plaid’s page for this code; if it does not explain the case, contact Plaid support with the request ID.',
  },
  proxy: { actor: 'inspector operator', nextStep: 'Tell whoever runs the inspector, with the request ID.' },
  client: {
    actor: 'inspector operator',
    nextStep: 'Reload the page and try again; if it persists, tell whoever runs the inspector.',
  },
};

function adviceFor(error: PlaidError, source: ErrorSource, httpStatus: number | null): LookupAdvice {
  const code = error.error_code;
  if (source === 'proxy') return (PROXY_ADVICE as Record<string, LookupAdvice>)[code] ?? FALLBACK.proxy;
  if (source === 'client') return (CLIENT_ADVICE as Record<string, LookupAdvice>)[code] ?? FALLBACK.client;
  const known = ownEntry(PLAID_ADVICE, code) ?? ownEntry(PLAID_TYPE_ADVICE, error.error_type);
  if (known) return known;
  // Plaid's 5xx and 429 count as its own trouble and rate limit, whatever the body says.
  if (httpStatus === 429) return PLAID_TYPE_ADVICE.RATE_LIMIT_EXCEEDED!;
  if (httpStatus !== null && httpStatus >= 500) return PLAID_TYPE_ADVICE.API_ERROR!;
  return FALLBACK.plaid;
}

const WHO_ASKED: Readonly<Record<ErrorSource, string>> = {
  plaid: 'Plaid',
  proxy: 'this inspector’s server',
  client: 'the server',
};

// A retry after a Retry-After waits exactly that long: the next step gives the one figure the
// answer asked for (the Retry button counts the same seconds down), in place of "a minute" or "a
// moment"; what to do if it persists stays.
function withRetryAfter(nextStep: string, source: ErrorSource, seconds: number): string {
  const rest = nextStep.replace(/^(Wait|Try)[^.]*\.\s*/, '');
  const wait = `Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} (${WHO_ASKED[source]} asked for that in its Retry-After), then try again.`;
  return rest ? `${wait} ${rest}` : wait;
}

// The verdict on a failed lookup. httpStatus: the HTTP status of our server's answer, null when no
// answer arrived; retryAfterSeconds: the answer's Retry-After, when it sent one.
export function diagnoseLookupError(
  error: PlaidError,
  httpStatus: number | null,
  retryAfterSeconds: number | null = null,
): LookupDiagnosis {
  const source = errorSource(error);
  const advice = adviceFor(error, source, httpStatus);
  const retryable = advice.retryable ?? false;
  return {
    verdict: 'lookup failed',
    tone: retryable ? 'warning' : LOOKUP_FAILED.tone,
    headline: `${error.error_code}: ${errorTitle(error)}.`,
    actor: advice.actor,
    nextStep:
      retryable && retryAfterSeconds !== null
        ? withRetryAfter(advice.nextStep, source, retryAfterSeconds)
        : advice.nextStep,
    explanation: advice.explanation ?? null,
    retryable,
    source,
    errorType: error.error_type,
    errorCode: error.error_code,
    httpStatus,
    requestId: error.request_id ?? null,
    docsUrl: source === 'plaid' ? errorDocsUrl(error) : null,
  };
}
