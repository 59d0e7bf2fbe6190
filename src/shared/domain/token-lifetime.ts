import { formatDuration, parseDate } from './format-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Plaid's default lifetimes, from LinkTokenCreateResponse.expiration in its OpenAPI spec. The
// lifetime is the one clue /link/token/get gives to how a token was made: a 30-minute token that
// "expired too soon" is usually an update-mode token, working as designed.
export type LifetimeKind =
  'update-mode-or-hosted-link' | 'new-item' | 'link-delivery-sms' | 'link-delivery-email' | 'custom';

const DEFAULT_LIFETIMES: ReadonlyArray<{ ms: number; kind: LifetimeKind; meaning: string }> = [
  {
    ms: 30 * MINUTE,
    kind: 'update-mode-or-hosted-link',
    meaning: 'Plaid’s default for update mode (an existing Item) or a Hosted Link URL',
  },
  { ms: 4 * HOUR, kind: 'new-item', meaning: 'Plaid’s default for linking a new Item' },
  { ms: DAY, kind: 'link-delivery-sms', meaning: 'Plaid’s default for Link Delivery by SMS' },
  { ms: 7 * DAY, kind: 'link-delivery-email', meaning: 'Plaid’s default for Link Delivery by email' },
];
const CUSTOM_LIFETIME = 'not one of Plaid’s defaults: set when the token was created (Hosted Link)';

// Plaid gives both times to the second; a minute's slack keeps rounding from hiding a match.
const TOLERANCE_MS = MINUTE;

export type TokenLifetime = { text: string; kind: LifetimeKind; meaning: string };

// How long the token was made to live, and what that says about it; null when Plaid left out
// either time or they make no sense together.
export function tokenLifetime(createdAt: string | null, expiration: string | null): TokenLifetime | null {
  const created = parseDate(createdAt);
  const expires = parseDate(expiration);
  if (!created || !expires) return null;
  const ms = expires.getTime() - created.getTime();
  if (ms <= 0) return null;
  const known = DEFAULT_LIFETIMES.find((lifetime) => Math.abs(lifetime.ms - ms) <= TOLERANCE_MS);
  return {
    text: formatDuration(ms),
    kind: known?.kind ?? 'custom',
    meaning: known?.meaning ?? CUSTOM_LIFETIME,
  };
}
