import { useQuery } from '@tanstack/react-query';
import { serverInfoQuery } from '../../../api/get-server-info';
import { environmentLabel } from '../../../../shared/link-token';

// Says where answers come from. Simulated answers must never be mistaken for Plaid's, so
// simulator mode gets a banner that cannot be missed; real mode gets a quiet badge.
export function ServerModeNotice() {
  const { data: info, error } = useQuery(serverInfoQuery);

  if (error) {
    return (
      <p className="banner banner--warning" role="alert">
        Could not read the server's configuration ({error.message}) — lookups may still work.
      </p>
    );
  }
  if (!info) return null;

  if (info.mode === 'simulator') {
    return (
      <p className="banner banner--simulator">
        <strong>Simulator mode</strong> — answers are simulated, not from Plaid. Pick a fixture token to try
        each scenario.
      </p>
    );
  }

  const environments = info.serverCredentials.map(environmentLabel);
  return (
    <p className="mode-badge">
      <span className="badge badge--connected">Connected to Plaid</span>{' '}
      {environments.length > 0
        ? `Server credentials for ${environments.join(' and ')}`
        : 'No server credentials: enter yours under Credentials'}
    </p>
  );
}
