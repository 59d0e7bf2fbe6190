import { useId, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { LinkTokenGetRequest } from '../../../shared/schemas/link-token-get-request';
import type { LookupFormValues } from './lookup-form-schema';

type CredentialsFieldsProps = {
  form: UseFormReturn<LookupFormValues, unknown, LinkTokenGetRequest>;
  open: boolean;
  onToggle: () => void;
  hint: string;
};

// Optional client_id / secret, collapsed by default: most lookups use the server's credentials.
// The values live only in the form's memory: no autocomplete, never stored, never in the URL.
export function CredentialsFields({ form, open, onToggle, hint }: CredentialsFieldsProps) {
  const id = useId();
  const [secretVisible, setSecretVisible] = useState(false);
  const { errors } = form.formState;

  return (
    <div className="credentials">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={onToggle}
      >
        Credentials <span className="muted">(optional)</span>
      </button>
      <div id={`${id}-panel`} className="credentials__panel" hidden={!open}>
        <p className="hint">{hint}</p>
        <div className="field">
          <label htmlFor={`${id}-client-id`}>Client ID</label>
          <input
            id={`${id}-client-id`}
            className="input"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.client_id ? true : undefined}
            aria-describedby={errors.client_id ? `${id}-client-id-error` : undefined}
            {...form.register('client_id')}
          />
          {errors.client_id && (
            <p id={`${id}-client-id-error`} className="field-error">
              {errors.client_id.message}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-secret`}>Secret</label>
          <div className="input-row">
            <input
              id={`${id}-secret`}
              className="input"
              type={secretVisible ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.secret ? true : undefined}
              aria-describedby={errors.secret ? `${id}-secret-error` : undefined}
              {...form.register('secret')}
            />
            <button
              type="button"
              className="button button--secondary"
              aria-controls={`${id}-secret`}
              aria-label={secretVisible ? 'Hide secret' : 'Show secret'}
              onClick={() => setSecretVisible((visible) => !visible)}
            >
              {secretVisible ? 'Hide' : 'Show'}
            </button>
          </div>
          {errors.secret && (
            <p id={`${id}-secret-error`} className="field-error">
              {errors.secret.message}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
