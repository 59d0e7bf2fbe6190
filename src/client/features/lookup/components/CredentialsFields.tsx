import { useEffect, useId } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { CredentialInputs } from '../../../components/CredentialInputs';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import styles from './CredentialsFields.module.css';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import type { LookupFormValues } from '../lib/lookup-form-schema';

type CredentialsFieldsProps = {
  form: UseFormReturn<LookupFormValues, unknown, LinkTokenGetRequest>;
  open: boolean;
  onToggle: () => void;
  hint: string;
  // The lookup cannot run without them (the server has none for this token, or none at all).
  needed: boolean;
  // Why the section opened by itself; focus moves into it, to the client ID. Shown in place of the
  // hint, whose "leave empty" would contradict it.
  prompt: string | null;
};

// Optional client_id / secret, collapsed by default: most lookups use the server's credentials.
export function CredentialsFields({ form, open, onToggle, hint, needed, prompt }: CredentialsFieldsProps) {
  const id = useId();
  const { errors } = form.formState;

  useEffect(() => {
    if (prompt !== null) form.setFocus('client_id');
  }, [prompt, form]);

  return (
    <div>
      <button
        type="button"
        className={styles.disclosure}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={onToggle}
      >
        Credentials <span className={text.muted}>{needed ? '(needed)' : '(optional)'}</span>
      </button>
      <div id={`${id}-panel`} className={styles.panel} hidden={!open}>
        {prompt !== null ? (
          <Notice id={`${id}-prompt`} tone="warning" className={styles.prompt}>
            {prompt}
          </Notice>
        ) : (
          <p className={`${text.hint} ${styles.hint}`}>{hint}</p>
        )}
        <CredentialInputs
          describedBy={prompt !== null ? `${id}-prompt` : undefined}
          clientId={form.register('client_id')}
          secret={form.register('secret')}
          clientIdError={errors.client_id?.message}
          secretError={errors.secret?.message}
        />
      </div>
    </div>
  );
}
