import { useId, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Button } from './Button';
import form from './form.module.css';

type CredentialInputsProps = {
  clientId: UseFormRegisterReturn;
  secret: UseFormRegisterReturn;
  clientIdError: string | undefined;
  secretError: string | undefined;
  // A note about the credentials as a whole (why they are needed), read with the client ID.
  describedBy?: string;
};

// The Client ID and Secret inputs both forms share. The values live only in the form's memory:
// no autocomplete, never stored, never in the URL; the secret is masked unless shown on purpose.
export function CredentialInputs(props: CredentialInputsProps) {
  const { clientId, secret, clientIdError, secretError, describedBy } = props;
  const id = useId();
  const [secretVisible, setSecretVisible] = useState(false);
  return (
    <>
      <div className={form.field}>
        <label className={form.label} htmlFor={`${id}-client-id`}>
          Client ID
        </label>
        <input
          id={`${id}-client-id`}
          className={form.input}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={clientIdError ? true : undefined}
          aria-describedby={
            [describedBy, clientIdError && `${id}-client-id-error`].filter(Boolean).join(' ') || undefined
          }
          {...clientId}
        />
        {clientIdError && (
          <p id={`${id}-client-id-error`} className={form.error}>
            {clientIdError}
          </p>
        )}
      </div>
      <div className={form.field}>
        <label className={form.label} htmlFor={`${id}-secret`}>
          Secret
        </label>
        <div className={form.inputRow}>
          <input
            id={`${id}-secret`}
            className={form.input}
            type={secretVisible ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={secretError ? true : undefined}
            aria-describedby={secretError ? `${id}-secret-error` : undefined}
            {...secret}
          />
          <Button
            aria-controls={`${id}-secret`}
            aria-label={secretVisible ? 'Hide secret' : 'Show secret'}
            onClick={() => setSecretVisible((visible) => !visible)}
          >
            {secretVisible ? 'Hide' : 'Show'}
          </Button>
        </div>
        {secretError && (
          <p id={`${id}-secret-error`} className={form.error}>
            {secretError}
          </p>
        )}
      </div>
    </>
  );
}
