import { formatDuration, formatUtc, parseDate } from '../domain/format-time';
import type { StatusTone } from '../domain/status-tone';
import { tokenLifetime, type LifetimeKind } from '../domain/token-lifetime';
import { checkLinkToken } from '../link-token';
import type { LinkSession, LinkTokenGetResponse } from '../schemas/link-token-get-response';
import { sessionExit } from '../domain/session-outcome';
import { DOCS } from './docs-links';
import { oauthRestarts } from './oauth-return';
import { conflictsText, countryConflicts, narrowingProducts } from './product-coverage';
import { itemCount } from './several-items';
import { eventStep } from './session-steps';
import { unreachableWebhookReason } from './webhook-address';
import { ownEntry } from '../own-entry';

// What the token's configuration and its sessions say beyond the verdict: each finding names the
// field and value it rests on, what that means and where Plaid documents it.
export const FINDING_IDS = [
  'webhook-unreachable',
  'webhook-plain-http',
  'webhook-missing',
  'public-tokens-without-webhook',
  'oauth-without-redirect-uri',
  'oauth-restarted',
  'redirect-uri-query',
  'redirect-uri-not-https',
  'product-outside-countries',
  'products-narrow-banks',
  'token-lifetime',
  'expired-while-open',
  'several-sessions',
  'sessions-without-events',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export type Severity = 'problem' | 'warning' | 'info';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  problem: 'Problem',
  warning: 'Warning',
  info: 'Note',
};

export const SEVERITY_TONES: Readonly<Record<Severity, StatusTone>> = {
  problem: 'failure',
  warning: 'warning',
  info: 'neutral',
};

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  // The field the finding rests on, and its value as evidence (null: not set).
  field: string;
  value: string | null;
  meaning: string;
  docsUrl: string;
}

interface FindingContext {
  response: LinkTokenGetResponse;
  sessions: readonly LinkSession[];
  now: number;
}

type FindingRule = (context: FindingContext) => Finding | null;

const webhookUnreachable: FindingRule = ({ response }) => {
  const webhook = response.metadata.webhook;
  const reason = webhook ? unreachableWebhookReason(webhook) : null;
  if (!webhook || !reason) return null;
  return {
    id: 'webhook-unreachable',
    severity: 'problem',
    title: `Plaid cannot reach the webhook: ${reason}`,
    field: 'webhook',
    value: webhook,
    meaning:
      'Plaid sends webhooks from the public internet, so it cannot reach localhost, private or link-local addresses, or names that only resolve inside a network: this integration will not receive its webhooks (new data, Item errors). Use a public HTTPS address (for local testing, a tunnel).',
    docsUrl: DOCS.webhooks,
  };
};

const webhookPlainHttp: FindingRule = ({ response }) => {
  const webhook = response.metadata.webhook;
  if (!webhook || !/^http:\/\//i.test(webhook)) return null;
  return {
    id: 'webhook-plain-http',
    severity: 'warning',
    title: 'The webhook uses plain http',
    field: 'webhook',
    value: webhook,
    meaning:
      'Webhook requests travel unencrypted and the receiver cannot be authenticated by TLS; anyone on the path can read or alter them. Use an https address.',
    docsUrl: DOCS.webhooks,
  };
};

// Products that send their updates to the webhook given at /link/token/create, with the webhooks
// they send (Plaid's webhook reference). Others (Transfer, Identity Verification, …) are set up in
// the Dashboard instead.
const WEBHOOK_PRODUCTS: Readonly<Record<string, string>> = {
  transactions: 'SYNC_UPDATES_AVAILABLE',
  recurring_transactions: 'RECURRING_TRANSACTIONS_UPDATE',
  investments: 'HOLDINGS and INVESTMENTS_TRANSACTIONS updates',
  liabilities: 'LIABILITIES DEFAULT_UPDATE',
  assets: 'ASSETS PRODUCT_READY',
  auth: 'AUTOMATICALLY_VERIFIED and VERIFICATION_EXPIRED (micro-deposits)',
  income_verification: 'INCOME_VERIFICATION',
  statements: 'STATEMENTS_REFRESH_COMPLETE',
  cra_base_report: 'USER_CHECK_REPORT_READY',
  cra_income_insights: 'USER_CHECK_REPORT_READY',
  cra_partner_insights: 'USER_CHECK_REPORT_READY',
  cra_network_insights: 'USER_CHECK_REPORT_READY',
  cra_cashflow_insights: 'USER_CHECK_REPORT_READY',
};

function looksLikeUpdateMode(response: LinkTokenGetResponse): boolean {
  return tokenLifetime(response.created_at, response.expiration)?.kind === 'update-mode-or-hosted-link';
}

const webhookMissing: FindingRule = ({ response }) => {
  if (response.metadata.webhook) return null;
  const products = response.metadata.initial_products.filter((product) =>
    Object.hasOwn(WEBHOOK_PRODUCTS, product),
  );
  if (products.length === 0) return null;
  const sends = products.map((product) => `${product} (${ownEntry(WEBHOOK_PRODUCTS, product)})`).join(', ');
  const updateMode = looksLikeUpdateMode(response);
  return {
    id: 'webhook-missing',
    severity: updateMode ? 'info' : 'warning',
    title: 'No webhook, though the products send updates to one',
    field: 'webhook',
    value: null,
    meaning: updateMode
      ? `If this is an update-mode token (its 30-minute lifetime suggests so), the field has no effect: the Item keeps the webhook it was created with (change it with /item/webhook/update). Otherwise: ${sends} would have nowhere to go.`
      : `The Items made with this token will have no webhook: ${sends}, and the Item’s own ERROR and PENDING_DISCONNECT webhooks, have nowhere to go, so the app learns of new data or a broken connection only by polling.`,
    docsUrl: DOCS.webhooks,
  };
};

// Lifetimes that only Hosted Link gives a token (token-lifetime.ts): a chosen one, or Link
// Delivery's (which sends a Hosted Link URL by SMS or email).
const HOSTED_LINK_LIFETIMES: readonly LifetimeKind[] = ['custom', 'link-delivery-sms', 'link-delivery-email'];

const publicTokensWithoutWebhook: FindingRule = ({ response, sessions }) => {
  if (response.metadata.webhook) return null;
  const multiItem = sessions.filter((session) => itemCount(session) > 1);
  const lifetime = tokenLifetime(response.created_at, response.expiration);
  const hosted = lifetime !== null && HOSTED_LINK_LIFETIMES.includes(lifetime.kind);
  if (multiItem.length === 0 && !hosted) return null;
  const why =
    multiItem.length > 0
      ? `${multiItem.length === 1 ? 'A session' : `${multiItem.length} sessions`} added several Items (Multi-Item Link)`
      : `The token’s lifetime (${lifetime!.text}) is one only Hosted Link gives`;
  return {
    id: 'public-tokens-without-webhook',
    severity: 'warning',
    title: 'Multi-Item or Hosted Link without a webhook: the public tokens have no way to the app',
    field: 'webhook',
    value: null,
    meaning: `${why}. Plaid delivers those sessions’ public tokens by webhook (ITEM_ADD_RESULT and SESSION_FINISHED, sent to the token’s webhook): the app’s onSuccess gets them only in part or, for Hosted Link, not at all. Without a webhook the app must poll /link/token/get, whose results last six hours; after that the Items are out of reach. Create the tokens with a webhook.`,
    docsUrl: DOCS.hostedLink,
  };
};

function reachedOauth(session: LinkSession): boolean {
  return (
    (session.events ?? []).some((event) => eventStep(event) === 'oauth') ||
    sessionExit(session)?.metadata?.status === 'requires_oauth'
  );
}

const oauthWithoutRedirectUri: FindingRule = ({ response, sessions }) => {
  if (response.metadata.redirect_uri) return null;
  const count = sessions.filter(reachedOauth).length;
  if (count === 0) return null;
  return {
    id: 'oauth-without-redirect-uri',
    severity: 'warning',
    title: `${count === 1 ? 'A session' : `${count} sessions`} reached a bank’s own sign-in (OAuth), but the token has no redirect_uri`,
    field: 'redirect_uri',
    value: null,
    meaning:
      'On desktop web, Link can open the bank in a pop-up without a redirect_uri; in a mobile browser, a webview or an iOS app the user cannot get back to Link from the bank. Android apps use android_package_name instead (which /link/token/get does not return), so for an Android app this is expected.',
    docsUrl: DOCS.oauth,
  };
};

const oauthRestarted: FindingRule = ({ sessions }) => {
  const restarts = oauthRestarts(sessions);
  const [first] = restarts;
  if (!first) return null;
  return {
    id: 'oauth-restarted',
    severity: 'warning',
    title: 'Back from the bank’s own sign-in (OAuth), Link started afresh instead of resuming',
    field: 'link_sessions',
    value: restarts
      .map(
        (restart) =>
          `${restart.earlierSessionId} → ${restart.laterSessionId} (${formatDuration(restart.gapMs)} later)`,
      )
      .join(', '),
    meaning:
      'A session ended at the hand-off to the bank with nothing after it, and minutes later a new session began on the same token: the redirect_uri page most likely opened Link as new rather than resuming. The user had to start over, and an OAuth bank may send them round the same loop. On the redirect_uri page, reopen Link with the same link token and the complete redirect URL (with its oauth_state_id) as receivedRedirectUri.',
    docsUrl: DOCS.oauth,
  };
};

const redirectUriQuery: FindingRule = ({ response }) => {
  const redirectUri = response.metadata.redirect_uri;
  if (!redirectUri?.includes('?')) return null;
  return {
    id: 'redirect-uri-query',
    severity: 'problem',
    title: 'The redirect_uri has a query string',
    field: 'redirect_uri',
    value: redirectUri,
    meaning:
      'Plaid requires a redirect_uri without query parameters, registered exactly in the Dashboard’s allowed redirect URIs; the return from an OAuth bank to this address can fail. Keep any state in the app’s session instead.',
    docsUrl: DOCS.oauth,
  };
};

const redirectUriNotHttps: FindingRule = ({ response }) => {
  const redirectUri = response.metadata.redirect_uri;
  const token = checkLinkToken(response.link_token);
  if (!redirectUri || !token.ok || token.environment !== 'production') return null;
  if (/^https:\/\//i.test(redirectUri)) return null;
  return {
    id: 'redirect-uri-not-https',
    severity: 'problem',
    title: 'The redirect_uri is not https, in Production',
    field: 'redirect_uri',
    value: redirectUri,
    meaning:
      'In Production Plaid requires an https redirect_uri: users of OAuth banks cannot be sent back to this address.',
    docsUrl: DOCS.oauth,
  };
};

const productOutsideCountries: FindingRule = ({ response }) => {
  const conflicts = countryConflicts(response.metadata);
  if (conflicts.length === 0) return null;
  const countries = response.metadata.country_codes.join(', ');
  return {
    id: 'product-outside-countries',
    severity: 'problem',
    title: `A required product is not offered in the token’s countries (${countries})`,
    field: 'initial_products',
    value: response.metadata.initial_products.join(', '),
    meaning: `${conflictsText(conflicts)}: no bank in ${countries} offers it, so Link has no bank to connect and every one the user chooses is “not supported” (SELECT_FILTERED_INSTITUTION). Create the token with country_codes where the product is offered, or without the product.`,
    docsUrl: DOCS.linkTokenCreate,
  };
};

const productsNarrowBanks: FindingRule = ({ response, sessions }) => {
  const narrowing = narrowingProducts(response.metadata);
  if (narrowing.length === 0) return null;
  const filtered = sessions.some((session) =>
    (session.events ?? []).some((event) => event.event_name === 'SELECT_FILTERED_INSTITUTION'),
  );
  return {
    id: 'products-narrow-banks',
    severity: 'info',
    title: `${response.metadata.initial_products.length} required products: Link offers only banks that support them all`,
    field: 'initial_products',
    value: response.metadata.initial_products.join(', '),
    meaning: `Every product in products must be supported by the bank the user picks, and ${narrowing.join(', ')} ${narrowing.length === 1 ? 'is' : 'are'} supported by far fewer banks than the others: users of the rest see “Connectivity not supported” (SELECT_FILTERED_INSTITUTION)${filtered ? ', as a user of this token did' : ''}. Products the app can do without belong in optional_products, required_if_supported_products or additional_consented_products.`,
    docsUrl: DOCS.linkTokenCreate,
  };
};

const LIFETIME_MEANINGS: Readonly<
  Record<Exclude<LifetimeKind, 'new-item'>, { meaning: string; docsUrl: string }>
> = {
  'update-mode-or-hosted-link': {
    meaning:
      'A 30-minute token is usually made for update mode: it repairs or extends an existing Item rather than adding a new one, and its webhook field has no effect. Hosted Link URLs also last 30 minutes by default. Either way the user has little time: one who leaves Link open too long has to start again.',
    docsUrl: DOCS.updateMode,
  },
  'link-delivery-sms': {
    meaning: 'Plaid gives Link Delivery tokens sent by SMS 24 hours: the user got a link by text message.',
    docsUrl: DOCS.linkTokenCreate,
  },
  'link-delivery-email': {
    meaning: 'Plaid gives Link Delivery tokens sent by email 7 days: the user got a link by email.',
    docsUrl: DOCS.linkTokenCreate,
  },
  custom: {
    meaning:
      'Not one of Plaid’s defaults (4 hours for a new Item, 30 minutes for update mode, 24 hours or 7 days for Link Delivery): most likely a Hosted Link URL whose lifetime was chosen when the token was created.',
    docsUrl: DOCS.hostedLink,
  },
};

const lifetimeFinding: FindingRule = ({ response }) => {
  const lifetime = tokenLifetime(response.created_at, response.expiration);
  if (!lifetime || lifetime.kind === 'new-item') return null;
  const { meaning, docsUrl } = LIFETIME_MEANINGS[lifetime.kind];
  const identityVerification = response.metadata.initial_products.includes('identity_verification')
    ? ' Plaid does not enforce the expiry for Identity Verification sessions.'
    : '';
  return {
    id: 'token-lifetime',
    severity: 'info',
    title: `Lifetime ${lifetime.text}: ${lifetime.meaning}`,
    field: 'expiration',
    value: lifetime.text,
    meaning: meaning + identityVerification,
    docsUrl,
  };
};

const expiredWhileOpen: FindingRule = ({ response, sessions, now }) => {
  const expiresAt = parseDate(response.expiration);
  if (!expiresAt || expiresAt.getTime() > now) return null;
  const expiry = expiresAt.getTime();
  const open = sessions.filter((session) => {
    const started = parseDate(session.started_at);
    if (!started || started.getTime() >= expiry) return false;
    const finished = parseDate(session.finished_at);
    return !finished || finished.getTime() > expiry;
  });
  if (open.length === 0) return null;
  return {
    id: 'expired-while-open',
    severity: 'warning',
    title: 'The token expired while a session was open',
    field: 'expiration',
    value: formatUtc(expiresAt),
    meaning: `${open.length === 1 ? 'A session' : `${open.length} sessions`} (${open.map((s) => s.link_session_id).join(', ')}) had not finished when the token expired. Link cannot finish with an expired token: the user has to start again with a new one. If users often run out of time, give them a fresh token each time Link opens.`,
    docsUrl: DOCS.invalidLinkToken,
  };
};

const severalSessions: FindingRule = ({ sessions }) => {
  if (sessions.length < 2) return null;
  return {
    id: 'several-sessions',
    severity: 'info',
    title: `Link was opened ${sessions.length} times with this token`,
    field: 'link_sessions',
    value: `${sessions.length} sessions`,
    meaning:
      'The user retried or reopened Link with the same token. The verdict is about the newest session that linked, failed or is in progress; each session tells its own story.',
    docsUrl: DOCS.linkTokenGet,
  };
};

const LISTED_IDS = 3;

const sessionsWithoutEvents: FindingRule = ({ sessions }) => {
  const bare = sessions.filter((session) => session.finished_at && (session.events ?? []).length === 0);
  if (bare.length === 0) return null;
  const ids = bare.slice(0, LISTED_IDS).map((session) => session.link_session_id);
  const more = bare.length > LISTED_IDS ? ` and ${bare.length - LISTED_IDS} more` : '';
  return {
    id: 'sessions-without-events',
    severity: 'info',
    title: `${bare.length === 1 ? 'A finished session has' : `${bare.length} finished sessions have`} no events`,
    field: 'link_sessions[].events',
    value: ids.join(', ') + more,
    meaning:
      'Plaid returned these sessions without a single event, so the steps the user took cannot be shown and where they stopped is unknown; their outcome rests on their results or exit alone. By default /link/token/get returns complete event data only for Hosted Link sessions: for other integrations, ask Plaid to enable Link event data for this client_id.',
    docsUrl: DOCS.linkTokenGet,
  };
};

const RULES: readonly FindingRule[] = [
  webhookUnreachable,
  webhookPlainHttp,
  webhookMissing,
  publicTokensWithoutWebhook,
  oauthWithoutRedirectUri,
  oauthRestarted,
  redirectUriQuery,
  redirectUriNotHttps,
  productOutsideCountries,
  expiredWhileOpen,
  productsNarrowBanks,
  lifetimeFinding,
  severalSessions,
  sessionsWithoutEvents,
];

const SEVERITY_ORDER: readonly Severity[] = ['problem', 'warning', 'info'];

// Every finding for this answer, most severe first (then in the order of RULES).
export function findings(response: LinkTokenGetResponse, now: number): Finding[] {
  const context = { response, sessions: response.link_sessions ?? [], now };
  return RULES.map((rule) => rule(context))
    .filter((finding): finding is Finding => finding !== null)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
