import { formatDuration, parseDate } from './format-time';

// Whether the link_token can still be used, from its expiration and the current time.
export type TokenStatus =
  { kind: 'active'; msLeft: number } | { kind: 'expired'; msAgo: number } | { kind: 'unknown' };

export function tokenStatus(expiration: string | null, now: number): TokenStatus {
  const expiresAt = parseDate(expiration);
  if (!expiresAt) return { kind: 'unknown' };
  const msLeft = expiresAt.getTime() - now;
  return msLeft > 0 ? { kind: 'active', msLeft } : { kind: 'expired', msAgo: -msLeft };
}

export const TOKEN_STATUS_LABELS = {
  active: 'Active',
  expired: 'Expired',
  unknown: 'Unknown expiry',
} as const satisfies Record<TokenStatus['kind'], string>;

export function describeTimeLeft(status: TokenStatus): string {
  switch (status.kind) {
    case 'active':
      // Seconds matter near the end; three units keep the countdown visibly alive.
      return formatDuration(status.msLeft, 3);
    case 'expired':
      return `none: expired ${formatDuration(status.msAgo)} ago`;
    case 'unknown':
      return 'unknown: Plaid did not say when this token expires';
  }
}
