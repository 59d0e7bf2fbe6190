import { StatusBadge } from '../../../components/StatusBadge';
import { ENVIRONMENT_TONES } from '../../../../shared/domain/status-tone';
import { environmentLabel, tokenEnvironment } from '../../../../shared/link-token';

// The Plaid environment named in the token's prefix, so a user sees at once which Plaid the
// lookup will ask (a production token needs production credentials).
export function EnvironmentBadge({ linkToken }: { linkToken: string }) {
  const environment = tokenEnvironment(linkToken);
  if (!environment) return null;
  return (
    <StatusBadge tone={ENVIRONMENT_TONES[environment] ?? 'neutral'}>
      {environmentLabel(environment)}
    </StatusBadge>
  );
}
