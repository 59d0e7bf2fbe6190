import type { PlaidError } from '../../../shared/schemas/plaid-error';
import { errorDocsUrl } from '../../../shared/domain/error-docs';
import { extraFields } from '../../lib/extra-fields';
import { CopyButton } from '../CopyButton';
import { ExtraFields, JsonValue } from '../KeyValueView';

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
  return (
    <>
      <dl className="sp-fields">
        <div>
          <dt>Type</dt>
          <dd>
            <code>{error.error_type || '(empty)'}</code>
          </dd>
        </div>
        <div>
          <dt>Code</dt>
          <dd>
            <code>{error.error_code || '(empty)'}</code>
          </dd>
        </div>
        <div>
          <dt>Message</dt>
          <dd>{error.error_message || <span className="sp-empty">none</span>}</dd>
        </div>
        <div>
          <dt>Message for end users</dt>
          <dd>{error.display_message ?? <span className="sp-empty">none</span>}</dd>
        </div>
        {error.error_code_reason && (
          <div>
            <dt>Reason</dt>
            <dd>
              <code>{error.error_code_reason}</code>
            </dd>
          </div>
        )}
        {error.required_account_subtypes && (
          <div>
            <dt>Required account subtypes</dt>
            <dd>{error.required_account_subtypes.join(', ') || <span className="sp-empty">none</span>}</dd>
          </div>
        )}
        {error.provided_account_subtypes && (
          <div>
            <dt>Provided account subtypes</dt>
            <dd>{error.provided_account_subtypes.join(', ') || <span className="sp-empty">none</span>}</dd>
          </div>
        )}
        {error.suggested_action && (
          <div>
            <dt>Suggested action</dt>
            <dd>{error.suggested_action}</dd>
          </div>
        )}
        {error.status !== undefined && error.status !== null && (
          <div>
            <dt>HTTP status</dt>
            <dd>{error.status}</dd>
          </div>
        )}
        {error.request_id && (
          <div>
            <dt>Request ID</dt>
            <dd className="sp-copyable">
              <code>{error.request_id}</code>
              <CopyButton label="Copy error request ID" text={error.request_id} />
            </dd>
          </div>
        )}
        {error.causes && error.causes.length > 0 && (
          <div>
            <dt>Causes</dt>
            <dd>
              <JsonValue value={error.causes} />
            </dd>
          </div>
        )}
        {docsLink && (
          <div>
            <dt>Documentation</dt>
            <dd>
              <a href={errorDocsUrl(error)} target="_blank" rel="noreferrer noopener">
                Plaid’s docs for {error.error_code || error.error_type || 'this error'}
                <span className="sp-visually-hidden"> (opens in a new tab)</span>
              </a>
            </dd>
          </div>
        )}
      </dl>
      <ExtraFields entries={extraFields(error, SHOWN_KEYS)} />
    </>
  );
}
