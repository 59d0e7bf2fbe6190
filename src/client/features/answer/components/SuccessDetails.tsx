import type { LinkSession } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { institutionLabel } from '../../../../shared/domain/institution';
import { AccountList } from './AccountList';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields } from '../../../components/KeyValueView';
import text from '../../../components/text.module.css';
import { Subsection } from './Subsection';

type Success = NonNullable<LinkSession['on_success']>;

// What Link handed to the app's onSuccess callback.
export function SuccessDetails({ success }: { success: Success }) {
  const metadata = success.metadata;
  return (
    <Subsection title="onSuccess">
      <FieldList>
        <Field label="public_token">
          <code className={text.break}>{success.public_token}</code>
        </Field>
        <Field label="Institution">
          {institutionLabel(metadata?.institution) ?? <span className={text.empty}>not given</span>}
        </Field>
        {metadata?.transfer_status !== undefined && (
          <Field label="Transfer status">
            {metadata.transfer_status ?? <span className={text.empty}>none</span>}
          </Field>
        )}
      </FieldList>
      {metadata?.accounts && (
        <>
          <p className={text.label}>Accounts</p>
          <AccountList accounts={metadata.accounts} />
        </>
      )}
      <ExtraFields
        entries={extraFields(metadata, ['institution', 'accounts', 'link_session_id', 'transfer_status'])}
      />
      <ExtraFields entries={extraFields(success, ['public_token', 'metadata'])} />
    </Subsection>
  );
}
