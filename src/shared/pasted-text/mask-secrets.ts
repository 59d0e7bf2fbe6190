// Masks what must not be shown or copied into a ticket from pasted text (logs, a batch's lines):
// public tokens (they can be exchanged for an access token for 30 minutes), access and processor
// tokens (long-lived), and anything logged as a secret, password, API key or bearer token. Link tokens and
// link_session_ids stay: they are what the inspector looks up and support asks for.

export const MASK = '••••••';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAID_SECRET_TOKEN = new RegExp(
  `\\b(public|access|processor)-(sandbox|production|development)-${UUID}`,
  'gi',
);
// "secret": "…", secret=…, "client_secret":"…", password: …, api_key=… in JSON or key=value logs.
const SECRET_FIELD =
  /("?[A-Za-z_-]*(?:secret|password|api_?key|authorization)"?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|(?:Bearer\s+)?[^\s,;&"{}[\]]+)/gi;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g;
// Plaid API secrets are 30 hexadecimal characters, wherever they appear.
const PLAID_SECRET = /\b[0-9a-f]{30}\b/gi;

export function maskSecrets(text: string): { text: string; maskedCount: number } {
  let maskedCount = 0;
  const masked = text
    .replace(PLAID_SECRET_TOKEN, (_token, type: string, environment: string) => {
      maskedCount += 1;
      return `${type}-${environment}-${MASK}`;
    })
    .replace(SECRET_FIELD, (_field, key: string, value: string) => {
      maskedCount += 1;
      return value.startsWith('"') ? `${key}"${MASK}"` : `${key}${MASK}`;
    })
    .replace(BEARER, (_bearer, prefix: string) => {
      maskedCount += 1;
      return `${prefix}${MASK}`;
    })
    .replace(PLAID_SECRET, () => {
      maskedCount += 1;
      return MASK;
    });
  return { text: masked, maskedCount };
}
