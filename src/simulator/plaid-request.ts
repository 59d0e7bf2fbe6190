import { SIMULATOR_CLIENT_ID, SIMULATOR_SECRET } from './credentials';
import {
  invalidApiKeys,
  invalidBody,
  invalidHeaders,
  missingFields,
  unknownFields,
  type SimulatorError,
} from './errors';

// The checks every Plaid endpoint makes, in Plaid's order: the API version, a JSON object body,
// no unknown fields; then, once the endpoint has checked its own fields' types, every required
// field present and valid credentials.

// Every version of Plaid's API. Without the header Plaid uses the account's default version; the
// simulator's default is 2020-09-14, the only one it implements, and it answers the older versions
// the same way.
const PLAID_VERSIONS = ['2017-03-08', '2018-05-22', '2019-05-29', '2020-09-14'];

export type PlaidRequest = {
  body: Record<string, unknown>;
  clientId: string | undefined;
  secret: string | undefined;
};

export async function readPlaidRequest(
  request: Request,
  requestId: string,
  endpointFields: readonly string[],
): Promise<PlaidRequest | SimulatorError> {
  const version = request.headers.get('Plaid-Version');
  if (version !== null && !PLAID_VERSIONS.includes(version)) {
    const message = `Plaid-Version header must be one of ${PLAID_VERSIONS.join(', ')}; got "${version}"`;
    return invalidHeaders(message, requestId);
  }
  const body = await readJsonObject(request);
  if (!body) return invalidBody(requestId);
  const known = ['client_id', 'secret', ...endpointFields];
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length > 0) return unknownFields(unknown, requestId);
  // Plaid takes the credentials from its headers or, as older clients send them, from the body.
  return {
    body,
    clientId: request.headers.get('PLAID-CLIENT-ID') || stringField(body, 'client_id'),
    secret: request.headers.get('PLAID-SECRET') || stringField(body, 'secret'),
  };
}

export function isSimulatorError(value: PlaidRequest | SimulatorError): value is SimulatorError {
  return 'error' in value;
}

// `missing`: the endpoint's own required fields that are absent; Plaid names them together with
// missing credentials, then checks the credentials.
export function checkCredentials(
  request: PlaidRequest,
  missing: readonly string[],
  requestId: string,
): SimulatorError | undefined {
  const allMissing = [
    ...(request.clientId ? [] : ['client_id']),
    ...(request.secret ? [] : ['secret']),
    ...missing,
  ];
  if (allMissing.length > 0) return missingFields(allMissing, requestId);
  if (request.clientId !== SIMULATOR_CLIENT_ID || request.secret !== SIMULATOR_SECRET)
    return invalidApiKeys(requestId);
  return undefined;
}

// Plaid accepts only a JSON object body sent as application/json.
async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  if (!request.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const value: unknown = await request.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
