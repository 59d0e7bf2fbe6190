import type { ServerInfo } from '../../../../shared/api-types';
import { checkLinkToken, environmentLabel } from '../../../../shared/link-token';

// What opening the page with ?link_token= (a shared link, a bookmark, Back or Forward) does: look
// the token up at once, unless that can only fail because the server holds no credentials for the
// token's environment and none are in the form; then the user is asked for them, and told why.
export type LinkOpening =
  | { action: 'look-up' }
  // The field shows what is wrong with the token; nothing is sent.
  | { action: 'show-token-error' }
  | { action: 'ask-for-credentials'; reason: string };

// `info` is null when GET /api/config failed: the lookup then runs and the server's answer says
// what it lacks.
export function linkOpening(
  linkToken: string,
  info: ServerInfo | null,
  hasCredentials: boolean,
): LinkOpening {
  const check = checkLinkToken(linkToken);
  if (!check.ok) return { action: 'show-token-error' };
  if (hasCredentials || info === null || info.serverCredentials.includes(check.environment)) {
    return { action: 'look-up' };
  }
  // The server would refuse credentials too: its MISSING_CREDENTIALS answer is the explanation.
  if (!info.allowRequestCredentials) return { action: 'look-up' };
  const environment = environmentLabel(check.environment);
  return {
    action: 'ask-for-credentials',
    reason: `Not looked up yet: this server has no Plaid credentials for ${environment}. Enter your client ID and ${environment} secret, then press Look up.`,
  };
}
