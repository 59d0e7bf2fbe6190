import type { PlaidError } from '../../../../shared/schemas/plaid-error';
import { errorDocsUrl } from '../../../../shared/domain/error-docs';
import { extraFields } from '../lib/extra-fields';
import { DocsLink } from '../../../components/DocsLink';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields, JsonValue } from '../../../components/KeyValueView';
import text from '../../../components/text.module.css';

const SHOWN_KEYS = [
  'error_type',
  'error_code',
  'error_message',
  'display_message',
  'request_id',
  'suggested_action',
  'documentation_url',
  'causes',
  'status',
  'error_code_reason',
  'required_account_subtypes',
  'provided_account_subtypes',
];

// The fields of a PlaidError, as Plaid support and developers refer to them. `docsLink` is off
// for errors that are not Plaid's own (our proxy's, the browser's).
export function PlaidErrorDetails({ error, docsLink = true }: { error: PlaidError; docsLink?: boolean }) {
  const none = <span className={text.empty}>none</span>;
  return (
    <>
      <FieldList>
        <Field label="Type">
          <code>{error.error_type || '(empty)'}</code>
        </Field>
        <Field label="Code">
          <code>{error.error_code || '(empty)'}</code>
        </Field>
        <Field label="Message">{error.error_message || none}</Field>
        <Field label="Message for end users">{error.display_message ?? none}</Field>
        {error.error_code_reason && (
          <Field label="Reason">
            <code>{error.error_code_reason}</code>
          </Field>
        )}
        {error.required_account_subtypes && (
          <Field label="Required account subtypes">
            {error.required_account_subtypes.join(', ') || none}
          </Field>
        )}
        {error.provided_account_subtypes && (
          <Field label="Provided account subtypes">
            {error.provided_account_subtypes.join(', ') || none}
          </Field>
        )}
        {error.suggested_action && <Field label="Suggested action">{error.suggested_action}</Field>}
        {error.status !== undefined && error.status !== null && (
          <Field label="HTTP status">{error.status}</Field>
        )}
        {error.request_id && (
          <Field label="Request ID" copy={{ label: 'Copy error request ID', text: error.request_id }}>
            <code>{error.request_id}</code>
          </Field>
        )}
        {error.causes && error.causes.length > 0 && (
          <Field label="Causes">
            <JsonValue value={error.causes} />
          </Field>
        )}
        {docsLink && (
          <Field label="Documentation">
            <DocsLink href={errorDocsUrl(error)}>
              Plaid’s docs for {error.error_code || error.error_type || 'this error'}
            </DocsLink>
          </Field>
        )}
      </FieldList>
      <ExtraFields entries={extraFields(error, SHOWN_KEYS)} />
    </>
  );
}
