import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { get, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { ApiError } from '../../../api/api-error';
import { Button } from '../../../components/Button';
import formStyles from '../../../components/form.module.css';
import { Notice } from '../../../components/Notice';
import type { QaProfileInput } from '../../../../shared/checks/qa-profile';
import {
  ACCOUNT_TYPES,
  EMPTY_PROFILE_FORM,
  ProfileFormSchema,
  type ProfileFormValues,
} from '../lib/profile-form';
import styles from './QaProfiles.module.css';

// The first message at or under a field's path: the contract's schema reports a bad list item or
// a bad URL under the field the form shows as one text box.
function messageAt(errors: FieldErrors<ProfileFormValues>, path: string): string | undefined {
  const found: unknown = get(errors, path);
  const search = (node: unknown): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    const { message } = node as { message?: unknown };
    if (typeof message === 'string') return message;
    for (const child of Object.values(node)) {
      const inner = search(child);
      if (inner) return inner;
    }
    return undefined;
  };
  return search(found);
}

type TextFieldProps = {
  path: string;
  // Where the contract reports this field's errors, when not at `path` (a URL's, at the expectation).
  errorPath?: string;
  label: string;
  hint?: string;
  placeholder?: string;
  errors: FieldErrors<ProfileFormValues>;
  register: ReturnType<typeof useForm<ProfileFormValues, unknown, QaProfileInput>>['register'];
};

function TextField({ path, errorPath = path, label, hint, placeholder, errors, register }: TextFieldProps) {
  const id = useId();
  const error = messageAt(errors, errorPath);
  return (
    <div className={formStyles.field}>
      <label className={formStyles.label} htmlFor={id}>
        {label}
      </label>
      {hint && <span className={styles.hint}>{hint}</span>}
      <input
        id={id}
        className={formStyles.input}
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(path as 'name')}
      />
      {error && (
        <p id={`${id}-error`} className={formStyles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

// Writes a profile down: what a token should be. Every field may stay blank (not checked); the
// form is checked by the same schema as the API and an import.
export function ProfileEditor({
  initial = EMPTY_PROFILE_FORM,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial?: ProfileFormValues;
  submitLabel: string;
  onSave: (input: QaProfileInput) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProfileFormValues, unknown, QaProfileInput>({
    resolver: zodResolver(ProfileFormSchema),
    defaultValues: initial,
  });
  const outcomeKind = useWatch({ control, name: 'expectations.outcome.kind' });
  const webhookMode = useWatch({ control, name: 'expectations.webhook.mode' });
  const redirectMode = useWatch({ control, name: 'expectations.redirect_uri.mode' });
  const field = { errors, register };

  async function save(input: QaProfileInput) {
    setFailure(null);
    try {
      await onSave(input);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'The server could not be reached.');
    }
  }

  function urlChoice(name: 'webhook' | 'redirect_uri', label: string, mode: string) {
    return (
      <fieldset className={styles.group}>
        <legend>{label}</legend>
        <select
          aria-label={`${label}: what to expect`}
          className={formStyles.input}
          {...register(`expectations.${name}.mode`)}
        >
          <option value="any">Not checked</option>
          <option value="none">Must have none</option>
          <option value="url">Must be this URL</option>
        </select>
        {mode === 'url' && (
          <TextField
            path={`expectations.${name}.url`}
            label={`${label} URL`}
            placeholder="https://…"
            {...field}
          />
        )}
        {mode !== 'url' && messageAt(errors, `expectations.${name}`) && (
          <p className={formStyles.error}>{messageAt(errors, `expectations.${name}`)}</p>
        )}
      </fieldset>
    );
  }

  return (
    <form className={styles.editor} onSubmit={handleSubmit(save)} noValidate aria-label="QA profile">
      <TextField path="name" label="Name" placeholder="Update mode, US bank" {...field} />
      <TextField path="description" label="Description (optional)" {...field} />
      <p className={styles.hint}>Leave a field blank to not check it. Lists are separated by commas.</p>
      <fieldset className={styles.group}>
        <legend>Configuration</legend>
        <TextField
          path="expectations.products.initial_products"
          label="Initial products"
          placeholder="auth, transactions"
          {...field}
        />
        <TextField path="expectations.country_codes" label="Country codes" placeholder="US, CA" {...field} />
        <TextField path="expectations.language" label="Language" placeholder="en" {...field} />
        <TextField path="expectations.client_name" label="Client name" {...field} />
        <TextField
          path="expectations.lifetime_minutes"
          label="Lifetime (minutes)"
          hint="From creation to expiry: 30 for an update-mode token, 240 by default."
          {...field}
        />
        {urlChoice('webhook', 'Webhook', webhookMode)}
        {urlChoice('redirect_uri', 'Redirect URI', redirectMode)}
      </fieldset>
      <details className={styles.group}>
        <summary>Other product lists and account filters</summary>
        <p className={styles.hint}>
          Plaid’s answer returns only the initial products: the other lists read “cannot be checked from
          Plaid’s answer”.
        </p>
        <TextField
          path="expectations.products.additional_consented_products"
          label="Additional consented products"
          {...field}
        />
        <TextField path="expectations.products.optional_products" label="Optional products" {...field} />
        <TextField
          path="expectations.products.required_if_supported_products"
          label="Required-if-supported products"
          {...field}
        />
        {ACCOUNT_TYPES.map((type) => (
          <TextField
            key={type}
            path={`expectations.account_filters.${type}`}
            label={`Account filter: ${type} subtypes`}
            placeholder={type === 'depository' ? 'checking, savings' : undefined}
            {...field}
          />
        ))}
      </details>
      <fieldset className={styles.group}>
        <legend>Outcome of the session</legend>
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-outcome`}>
            The session should
          </label>
          <select
            id={`${id}-outcome`}
            className={formStyles.input}
            {...register('expectations.outcome.kind')}
          >
            <option value="">Not checked</option>
            <option value="linked">Link an account</option>
            <option value="failed">Fail</option>
            <option value="abandoned">Be abandoned</option>
          </select>
        </div>
        {outcomeKind === 'failed' && (
          <TextField
            path="expectations.outcome.error_code"
            label="With the error code"
            placeholder="ITEM_LOGIN_REQUIRED"
            {...field}
          />
        )}
        {outcomeKind === 'abandoned' && (
          <TextField
            path="expectations.outcome.step"
            label="At the step"
            placeholder="credentials"
            {...field}
          />
        )}
        {outcomeKind !== '' && (
          <TextField
            path="expectations.outcome.institution"
            label="At the institution (name or ins_ id)"
            {...field}
          />
        )}
      </fieldset>
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      {failure !== null && (
        <Notice tone="failure" role="alert">
          The profile was not saved: {failure}
        </Notice>
      )}
    </form>
  );
}
