import type { LinkSessionExit } from '../../../shared/schemas/link-token-get-response';
import { EXIT_ERROR_MEANINGS, EXIT_STATUS_MEANINGS } from '../../../shared/domain/exit-reasons';
import { extraFields } from '../../lib/extra-fields';
import { institutionLabel } from '../../../shared/domain/institution';
import { CopyButton } from '../CopyButton';
import { ExtraFields } from '../KeyValueView';
import { PlaidErrorDetails } from './PlaidErrorDetails';

// What Link handed to the app's onExit callback: the error that ended the session, if any, and
// where the user was when they left.
export function ExitDetails({
  exit,
  deprecated,
}: {
  exit: NonNullable<LinkSessionExit>;
  deprecated: boolean;
}) {
  const metadata = exit.metadata;
  const errorMeaning = exit.error ? EXIT_ERROR_MEANINGS[exit.error.error_code] : undefined;
  const statusMeaning = metadata?.status ? EXIT_STATUS_MEANINGS[metadata.status] : undefined;
  return (
    <div className={exit.error ? 'sp-callback sp-callback--error' : 'sp-callback'}>
      <h5>
        {exit.error ? 'Exit error' : 'Exit'}
        {deprecated && <span className="sp-muted"> (from the deprecated on_exit field)</span>}
      </h5>
      {errorMeaning && <p className="sp-notice">{errorMeaning}</p>}
      {exit.error ? <PlaidErrorDetails error={exit.error} /> : <p>The user left Link without an error.</p>}
      <dl className="sp-fields">
        <div>
          <dt>Exit status</dt>
          <dd>
            {metadata?.status ? (
              <>
                <code>{metadata.status}</code>
                {statusMeaning && <span className="sp-muted"> · {statusMeaning}</span>}
              </>
            ) : (
              <span className="sp-empty">not given</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Institution</dt>
          <dd>{institutionLabel(metadata?.institution) ?? <span className="sp-empty">not given</span>}</dd>
        </div>
        {metadata?.request_id && (
          <div>
            <dt>Exit request ID</dt>
            <dd className="sp-copyable">
              <code>{metadata.request_id}</code>
              <CopyButton label="Copy exit request ID" text={metadata.request_id} />
            </dd>
          </div>
        )}
      </dl>
      <ExtraFields
        entries={extraFields(metadata, ['institution', 'status', 'link_session_id', 'request_id'])}
      />
      <ExtraFields entries={extraFields(exit, ['error', 'metadata'])} />
    </div>
  );
}
