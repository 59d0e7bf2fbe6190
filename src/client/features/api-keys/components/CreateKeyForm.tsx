import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { createApiKey } from '../../../api/api-keys';
import { ApiError } from '../../../api/api-error';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import formStyles from '../../../components/form.module.css';
import {
  API_KEY_SCOPES,
  type ApiKeyCreated,
  type ApiKeyCreateRequest,
} from '../../../../shared/schemas/api-keys';
import {
  CreateKeyFormSchema,
  EMPTY_CREATE_KEY_FORM,
  SCOPE_DESCRIPTIONS,
  type CreateKeyFormValues,
} from '../lib/create-key-form';
import styles from './ApiKeysPanel.module.css';

// Makes a key with a name and its scopes; the server answers with the key, shown once by NewKey.
export function CreateKeyForm({ onCreated }: { onCreated: (created: ApiKeyCreated) => void }) {
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CreateKeyFormValues, unknown, ApiKeyCreateRequest>({
    resolver: zodResolver(CreateKeyFormSchema),
    defaultValues: EMPTY_CREATE_KEY_FORM,
  });

  async function create(request: ApiKeyCreateRequest) {
    setFailure(null);
    try {
      onCreated(await createApiKey(request));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : 'The server could not be reached.');
    }
  }

  return (
    <form className={styles.form} onSubmit={handleSubmit(create)} noValidate aria-label="Make an API key">
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          className={formStyles.input}
          placeholder="Billing backend, production"
          autoComplete="off"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          {...register('name')}
        />
        {errors.name && (
          <p id={`${id}-name-error`} className={formStyles.error}>
            {errors.name.message}
          </p>
        )}
      </div>
      <fieldset
        className={formStyles.fieldset}
        aria-invalid={errors.scopes ? true : undefined}
        aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}
      >
        <legend>What the key may do</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className={styles.scope}>
            <input type="checkbox" value={scope} {...register('scopes')} />
            <span>
              <code>{scope}</code>: {SCOPE_DESCRIPTIONS[scope]}
            </span>
          </label>
        ))}
        {errors.scopes && (
          <p id={`${id}-scopes-error`} className={formStyles.error}>
            {errors.scopes.message}
          </p>
        )}
      </fieldset>
      <div>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Making the key…' : 'Make key'}
        </Button>
      </div>
      {failure !== null && (
        <Notice tone="failure" role="alert">
          No key was made: {failure}
        </Notice>
      )}
    </form>
  );
}
