import { useId, type FormEvent } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { LinkTokenGetRequest } from '../../../shared/schemas/link-token-get-request';
import { CredentialsFields } from './CredentialsFields';
import { EnvironmentBadge } from './EnvironmentBadge';
import type { LookupFormValues } from './lookup-form-schema';

type LookupFormProps = {
  form: UseFormReturn<LookupFormValues, unknown, LinkTokenGetRequest>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  // null hides the credentials section (the server does not accept credentials in requests).
  credentialsHint: string | null;
  credentialsOpen: boolean;
  onToggleCredentials: () => void;
};

export function LookupForm(props: LookupFormProps) {
  const { form, onSubmit, busy, credentialsHint, credentialsOpen, onToggleCredentials } = props;
  const id = useId();
  const linkToken = useWatch({ control: form.control, name: 'link_token' });
  const tokenError = form.formState.errors.link_token;

  return (
    <form className="lookup-form card" onSubmit={onSubmit} noValidate aria-label="Look up a link token">
      <div className="field">
        <div className="field__label-row">
          <label htmlFor={`${id}-token`}>Link token</label>
          <EnvironmentBadge linkToken={linkToken} />
        </div>
        <input
          id={`${id}-token`}
          className="input input--token"
          placeholder="link-sandbox-… or link-production-…"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={tokenError ? true : undefined}
          aria-describedby={tokenError ? `${id}-token-error` : undefined}
          {...form.register('link_token')}
        />
        {tokenError && (
          <p id={`${id}-token-error`} className="field-error">
            {tokenError.message}
          </p>
        )}
      </div>
      {credentialsHint !== null && (
        <CredentialsFields
          form={form}
          open={credentialsOpen}
          onToggle={onToggleCredentials}
          hint={credentialsHint}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? (
            <>
              <span className="spinner" aria-hidden="true" /> Looking up…
            </>
          ) : (
            'Look up'
          )}
        </button>
      </div>
    </form>
  );
}
