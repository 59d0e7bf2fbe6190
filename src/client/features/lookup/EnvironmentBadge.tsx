import { checkLinkToken } from '../../../shared/link-token';

const LABELS: Record<string, string> = {
  sandbox: 'Sandbox',
  production: 'Production',
  development: 'Development (retired)',
};

// The Plaid environment named in the token's prefix, so a user sees at once which Plaid the
// lookup will ask (a production token needs production credentials).
export function EnvironmentBadge({ linkToken }: { linkToken: string }) {
  const environment = checkLinkToken(linkToken).environment;
  if (!environment) return null;
  return (
    <span className={`badge badge--env badge--${environment}`} data-testid="environment-badge">
      {LABELS[environment] ?? environment}
    </span>
  );
}
