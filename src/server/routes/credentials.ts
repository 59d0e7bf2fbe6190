import type { PlaidEnvironment } from '../../shared/link-token';
import type { Config } from '../config';

// Whose Plaid credentials a request to Plaid uses, the same for every route: the request's own
// first; otherwise the server's, if it holds a secret for the environment asked about.

export type ChosenCredentials = { clientId: string; secret: string; credentials: 'request' | 'server' };

export function chooseCredentials(
  body: { client_id?: string; secret?: string },
  environment: PlaidEnvironment,
  config: Config,
): ChosenCredentials | undefined {
  if (body.client_id !== undefined && body.secret !== undefined) {
    return { clientId: body.client_id, secret: body.secret, credentials: 'request' };
  }
  const clientId = config.plaid.clientId;
  const secret = config.plaid.secrets[environment];
  if (clientId !== undefined && secret !== undefined) return { clientId, secret, credentials: 'server' };
  return undefined;
}

export function missingCredentialsMessage(environment: PlaidEnvironment, config: Config): string {
  const serverSetting = `PLAID_CLIENT_ID and PLAID_SECRET_${environment.toUpperCase()}`;
  if (!config.allowRequestCredentials) {
    return `This server holds no Plaid credentials for ${environment}: its operator must set ${serverSetting}.`;
  }
  return `No Plaid credentials for ${environment}: enter your Client ID and ${environment} Secret under "Credentials", or set ${serverSetting} on the server.`;
}
