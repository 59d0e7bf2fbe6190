import { useQuery } from '@tanstack/react-query';
import { serverInfoQuery } from '../../../api/get-server-info';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import text from '../../../components/text.module.css';
import { environmentLabel } from '../../../../shared/link-token';
import styles from './ServerModeNotice.module.css';

// Says where answers come from. Simulated answers must never be mistaken for Plaid's, so
// simulator mode gets a banner that cannot be missed; real mode gets a quiet badge.
export function ServerModeNotice() {
  const { data: info, error } = useQuery(serverInfoQuery);

  if (error) {
    return (
      <Notice tone="failure" strong className={styles.banner} role="alert">
        Could not read the server's configuration ({error.message}) — lookups may still work.
      </Notice>
    );
  }
  if (!info) return null;

  if (info.mode === 'simulator') {
    return (
      <Notice tone="warning" strong className={styles.banner}>
        <strong>Simulator mode</strong> — answers are simulated, not from Plaid. Pick a fixture token to try
        each scenario.
      </Notice>
    );
  }

  const environments = info.serverCredentials.map(environmentLabel);
  return (
    <p className={`${text.hint} ${styles.mode}`}>
      <StatusBadge tone="success">Connected to Plaid</StatusBadge>{' '}
      {environments.length > 0
        ? `Server credentials for ${environments.join(' and ')}`
        : 'No server credentials: enter yours under Credentials'}
    </p>
  );
}
