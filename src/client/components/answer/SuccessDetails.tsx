import type { LinkSession } from '../../../shared/schemas/link-token-get-response';
import { extraFields } from '../../lib/extra-fields';
import { institutionLabel } from '../../../shared/domain/institution';
import { AccountList } from './AccountList';
import { ExtraFields } from '../KeyValueView';

type Success = NonNullable<LinkSession['on_success']>;

// What Link handed to the app's onSuccess callback.
export function SuccessDetails({ success }: { success: Success }) {
  const metadata = success.metadata;
  return (
    <div className="sp-callback">
      <h5>onSuccess</h5>
      <dl className="sp-fields">
        <div>
          <dt>public_token</dt>
          <dd>
            <code className="sp-break">{success.public_token}</code>
          </dd>
        </div>
        <div>
          <dt>Institution</dt>
          <dd>{institutionLabel(metadata?.institution) ?? <span className="sp-empty">not given</span>}</dd>
        </div>
        {metadata?.transfer_status !== undefined && (
          <div>
            <dt>Transfer status</dt>
            <dd>{metadata.transfer_status ?? <span className="sp-empty">none</span>}</dd>
          </div>
        )}
      </dl>
      {metadata?.accounts && (
        <>
          <p className="sp-extra__title">Accounts</p>
          <AccountList accounts={metadata.accounts} />
        </>
      )}
      <ExtraFields
        entries={extraFields(metadata, ['institution', 'accounts', 'link_session_id', 'transfer_status'])}
      />
      <ExtraFields entries={extraFields(success, ['public_token', 'metadata'])} />
    </div>
  );
}
