// Recognises what a user pasted. Plaid tokens read TYPE-ENVIRONMENT-UUID; users also paste other
// Plaid identifiers by mistake, and the answer should name what they pasted and what is needed.

export const PLAID_ENVIRONMENTS = ['sandbox', 'production'] as const;
export type PlaidEnvironment = (typeof PLAID_ENVIRONMENTS)[number];

export type TokenCheck =
  | { ok: true; token: string; environment: PlaidEnvironment }
  | {
      ok: false;
      code: 'MALFORMED_LINK_TOKEN' | 'WRONG_TOKEN_TYPE' | 'ENVIRONMENT_RETIRED';
      message: string;
      // The environment named in the prefix, when there is one (for a badge next to the field).
      environment?: string;
    };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAID_TOKEN = new RegExp(
  `^(link|public|access|asset-report)-(sandbox|production|development)-(${UUID})$`,
  'i',
);
const BARE_UUID = new RegExp(`^${UUID}$`, 'i');
// Plaid item_ids are 37 base62 characters (e.g. eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6); a range
// keeps the guess useful without claiming more than it knows.
const ITEM_ID_LIKE = /^[A-Za-z0-9]{30,45}$/;

const NEEDED = 'Paste a link_token: it reads link-sandbox-… or link-production-… followed by a UUID.';

export function checkLinkToken(input: string): TokenCheck {
  const token = input.trim();
  const match = PLAID_TOKEN.exec(token);
  if (match) {
    const type = match[1]!.toLowerCase();
    const environment = match[2]!.toLowerCase();
    if (type === 'access') {
      // Never echo an access token back: it is a long-lived secret.
      return {
        ok: false,
        code: 'WRONG_TOKEN_TYPE',
        environment,
        message: `This is an access_token, a long-lived secret: do not share it. ${NEEDED}`,
      };
    }
    if (type !== 'link') {
      const name = type === 'public' ? 'public_token' : 'asset_report_token';
      return {
        ok: false,
        code: 'WRONG_TOKEN_TYPE',
        environment,
        message: `This is a ${name}, not a link_token. ${NEEDED}`,
      };
    }
    if (environment === 'development') {
      return {
        ok: false,
        code: 'ENVIRONMENT_RETIRED',
        environment,
        message:
          'Plaid retired the Development environment: link-development-… tokens can no longer be looked up.',
      };
    }
    return {
      ok: true,
      token: `link-${environment}-${match[3]!.toLowerCase()}`,
      environment: environment as PlaidEnvironment,
    };
  }
  if (token === '') {
    return { ok: false, code: 'MALFORMED_LINK_TOKEN', message: 'Paste a link token.' };
  }
  if (BARE_UUID.test(token)) {
    return {
      ok: false,
      code: 'WRONG_TOKEN_TYPE',
      message: `This looks like a link_session_id or another bare UUID, not a link_token. ${NEEDED}`,
    };
  }
  if (ITEM_ID_LIKE.test(token)) {
    return {
      ok: false,
      code: 'WRONG_TOKEN_TYPE',
      message: `This looks like an item_id, not a link_token. ${NEEDED}`,
    };
  }
  return { ok: false, code: 'MALFORMED_LINK_TOKEN', message: `This is not a link token. ${NEEDED}` };
}

// The Plaid environment a token names in its prefix (link-sandbox-… is sandbox), valid token or
// not, so the UI can say which Plaid a lookup asks; null when the text names none.
export function tokenEnvironment(input: string): string | null {
  return checkLinkToken(input).environment ?? null;
}

const ENVIRONMENT_LABELS: Record<string, string> = {
  sandbox: 'Sandbox',
  production: 'Production',
  development: 'Development (retired)',
};

export function environmentLabel(environment: string): string {
  return ENVIRONMENT_LABELS[environment] ?? environment;
}
