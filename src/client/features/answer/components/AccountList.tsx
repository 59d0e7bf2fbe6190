import type { Account } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { ExtraFields } from '../../../components/KeyValueView';
import text from '../../../components/text.module.css';
import styles from './AccountList.module.css';

const ACCOUNT_KEYS = ['id', 'name', 'mask', 'type', 'subtype', 'verification_status', 'class_type'];

// Accounts as a list rather than a table: it stays readable on a phone-width screen.
export function AccountList({ accounts }: { accounts: readonly Account[] }) {
  if (accounts.length === 0) return <p className={text.empty}>No accounts.</p>;
  return (
    <ul className={text.plainList}>
      {accounts.map((account, index) => (
        <li key={account.id ?? index}>
          <span className={styles.name}>{account.name ?? 'Unnamed account'}</span>
          {account.mask && <span className={styles.mask}> ••{account.mask}</span>}
          <span> — {[account.type, account.subtype].filter(Boolean).join(' / ') || 'type not given'}</span>
          {account.verification_status && <span> · verification: {account.verification_status}</span>}
          {account.class_type && <span> · {account.class_type}</span>}
          {account.id && (
            <div className={text.muted}>
              account_id <code className={text.break}>{account.id}</code>
            </div>
          )}
          <ExtraFields entries={extraFields(account, ACCOUNT_KEYS)} />
        </li>
      ))}
    </ul>
  );
}
