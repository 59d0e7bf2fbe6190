import type { Account } from '../../../shared/schemas/link-token-get-response';
import { extraFields } from '../../lib/extra-fields';
import { ExtraFields } from '../KeyValueView';

const ACCOUNT_KEYS = ['id', 'name', 'mask', 'type', 'subtype', 'verification_status', 'class_type'];

// Accounts as a list rather than a table: it stays readable on a phone-width screen.
export function AccountList({ accounts }: { accounts: readonly Account[] }) {
  if (accounts.length === 0) return <p className="sp-empty">No accounts.</p>;
  return (
    <ul className="sp-accounts">
      {accounts.map((account, index) => (
        <li key={account.id ?? index} className="sp-account">
          <span className="sp-account__name">{account.name ?? 'Unnamed account'}</span>
          {account.mask && <span className="sp-account__mask"> ••{account.mask}</span>}
          <span className="sp-account__type">
            {' '}
            — {[account.type, account.subtype].filter(Boolean).join(' / ') || 'type not given'}
          </span>
          {account.verification_status && <span> · verification: {account.verification_status}</span>}
          {account.class_type && <span> · {account.class_type}</span>}
          {account.id && (
            <div className="sp-muted">
              account_id <code className="sp-break">{account.id}</code>
            </div>
          )}
          <ExtraFields entries={extraFields(account, ACCOUNT_KEYS)} />
        </li>
      ))}
    </ul>
  );
}
