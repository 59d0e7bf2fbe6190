import type { LinkSessionExit } from '../../../../shared/schemas/link-token-get-response';
import { EXIT_ERROR_MEANINGS } from '../../../../shared/domain/exit-reasons';
import { extraFields } from '../lib/extra-fields';
import { institutionLabel } from '../../../../shared/domain/institution';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields } from '../../../components/KeyValueView';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { PlaidErrorDetails } from './PlaidErrorDetails';
import { ownEntry } from '../../../../shared/own-entry';
import { Subsection } from './Subsection';

// What Link handed to the app's onExit callback: the error that ended the session, if any, and
// where the user was when they left. `statusMeaning`: what the exit status means for this session,
// read from the steps it reached (the diagnosis's), so it never contradicts the steps above it.
export function ExitDetails({
  exit,
  deprecated,
  statusMeaning,
}: {
  exit: NonNullable<LinkSessionExit>;
  deprecated: boolean;
  statusMeaning: string | null;
}) {
  const metadata = exit.metadata;
  const errorMeaning = exit.error ? ownEntry(EXIT_ERROR_MEANINGS, exit.error.error_code) : undefined;
  return (
    <Subsection
      title={
        <>
          {exit.error ? 'Exit error' : 'Exit'}
          {deprecated && <span className={text.muted}> (from the deprecated on_exit field)</span>}
        </>
      }
      tone={exit.error ? 'failure' : undefined}
    >
      {errorMeaning && <Notice tone="neutral">{errorMeaning}</Notice>}
      {exit.error ? <PlaidErrorDetails error={exit.error} /> : <p>The user left Link without an error.</p>}
      <FieldList>
        <Field label="Exit status">
          {metadata?.status ? (
            <>
              <code>{metadata.status}</code>
              {statusMeaning && <span className={text.muted}> · {statusMeaning}</span>}
            </>
          ) : (
            <span className={text.empty}>not given</span>
          )}
        </Field>
        <Field label="Institution">
          {institutionLabel(metadata?.institution) ?? <span className={text.empty}>not given</span>}
        </Field>
        {metadata?.request_id && (
          <Field label="Exit request ID" copy={{ label: 'Copy exit request ID', text: metadata.request_id }}>
            <code>{metadata.request_id}</code>
          </Field>
        )}
      </FieldList>
      <ExtraFields
        entries={extraFields(metadata, ['institution', 'status', 'link_session_id', 'request_id'])}
      />
      <ExtraFields entries={extraFields(exit, ['error', 'metadata'])} />
    </Subsection>
  );
}
