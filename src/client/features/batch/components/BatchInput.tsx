import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { simulatorTokensQuery } from '../../../api/get-simulator-tokens';
import { CredentialInputs } from '../../../components/CredentialInputs';
import { useTokenExtraction } from '../../../hooks/use-token-extraction';
import {
  BatchFormSchema,
  EMPTY_BATCH_FORM,
  MAX_TEXT_CHARS,
  NO_TOKENS_MESSAGE,
  tooLongMessage,
  type BatchFormValues,
  type BatchRequest,
} from '../lib/batch-form-schema';
import type { BatchCredentials } from '../lib/batch-lookup';
import { readBatchSource } from '../lib/batch-source';
import { describeExpectedTime } from '../lib/batch-time';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import formStyles from '../../../components/form.module.css';
import textStyles from '../../../components/text.module.css';
import styles from './batch.module.css';
import { ExtractionSummary } from './ExtractionSummary';

// Tokens another view sends to Batch (a paste of several into the lookup field): they fill the
// text area, ready to look up. A new object for every sending.
export type BatchIncoming = { tokens: string[] };

type BatchInputProps = {
  incoming: BatchIncoming | null;
  onStart: (request: BatchRequest) => void;
  running: boolean;
  allowCredentials: boolean;
  // The server has no Plaid credentials of its own: the section starts open, saying so. Otherwise
  // it starts closed, so that the run button stays in view.
  credentialsNeeded: boolean;
  // In simulator mode the fixture tokens can be filled in with one click, for demos and QA.
  simulatorMode: boolean;
  // The server's RATE_LIMIT_PER_MINUTE, when known: the batch says how long it will take.
  rateLimitPerMinute: number | null;
};

// Paste, drop or choose the text holding the tokens; optional shared credentials. Credentials
// live only in this form's memory (autocomplete off) and go out with each lookup.
export function BatchInput({
  incoming,
  onStart,
  running,
  allowCredentials,
  credentialsNeeded,
  simulatorMode,
  rateLimitPerMinute,
}: BatchInputProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [inputError, setInputError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    setError,
    control,
    formState: { errors },
  } = useForm<BatchFormValues, unknown, BatchCredentials>({
    resolver: zodResolver(BatchFormSchema),
    defaultValues: EMPTY_BATCH_FORM,
  });
  useEffect(() => {
    if (incoming === null) return;
    setValue('text', incoming.tokens.join('\n'), { shouldValidate: true });
    setFocus('text');
  }, [incoming, setValue, setFocus]);

  const text = useWatch({ control, name: 'text' });
  const tooLong = text.length > MAX_TEXT_CHARS;
  // A text over the limit is not read at all.
  const { extraction, reading } = useTokenExtraction(tooLong ? '' : text);

  function submit(credentials: BatchCredentials) {
    if (tooLong || reading) return;
    if (extraction.tokens.length === 0) {
      setError('text', { message: NO_TOKENS_MESSAGE });
      return;
    }
    onStart({ tokens: extraction.tokens, credentials, source: readBatchSource(text, extraction.tokens) });
  }

  async function loadFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_TEXT_CHARS) {
      setInputError(tooLongMessage(file.name, file.size));
      return;
    }
    try {
      setValue('text', await file.text(), { shouldValidate: true });
      setInputError(null);
    } catch {
      setInputError(`Could not read ${file.name}.`);
    }
  }

  async function fillSimulatorTokens() {
    try {
      const tokens = await queryClient.fetchQuery(simulatorTokensQuery);
      const lines = tokens.map((token) => `${token.link_token}  ${token.scenario}`);
      setValue('text', lines.join('\n'), { shouldValidate: true });
      setInputError(null);
    } catch (error) {
      setInputError(
        `Could not load the simulator's tokens (${error instanceof Error ? error.message : error}).`,
      );
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    setDragging(false);
    if (event.dataTransfer.files.length === 0) return;
    // Without this the browser would open the dropped file in place of the app.
    event.preventDefault();
    void loadFile(event.dataTransfer.files[0]);
  }

  function onChooseFile(event: ChangeEvent<HTMLInputElement>) {
    void loadFile(event.target.files?.[0]);
    event.target.value = '';
  }

  const textError = tooLong ? tooLongMessage('The text', text.length) : (errors.text?.message ?? inputError);
  return (
    <Card>
      <form className={styles.form} noValidate onSubmit={handleSubmit(submit)}>
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label className={formStyles.label} htmlFor={`${id}-text`}>
            Tokens, or any text containing them (a log excerpt, CSV, JSON)
          </label>
          <textarea
            id={`${id}-text`}
            rows={8}
            spellCheck={false}
            aria-describedby={
              tooLong ? `${id}-text-error` : `${id}-summary${textError ? ` ${id}-text-error` : ''}`
            }
            aria-invalid={textError ? true : undefined}
            placeholder="Paste here, or drop a file"
            className={`${formStyles.input} ${formStyles.token}`}
            {...register('text')}
          />
          <label className={styles.file}>
            Or choose a file{' '}
            <input type="file" accept=".txt,.csv,.json,.log,text/*" onChange={onChooseFile} />
          </label>
          {simulatorMode && (
            <Button size="small" className={styles.start} onClick={fillSimulatorTokens}>
              Fill in every simulator fixture token
            </Button>
          )}
          {textError && (
            <p id={`${id}-text-error`} className={formStyles.error} role="alert">
              {textError}
            </p>
          )}
        </div>

        {!tooLong && <ExtractionSummary extraction={extraction} reading={reading} id={`${id}-summary`} />}

        {allowCredentials && (
          <details className={styles.credentials} open={credentialsNeeded}>
            <summary>
              Credentials{' '}
              <span className={textStyles.muted}>{credentialsNeeded ? '(needed)' : '(optional)'}</span>
            </summary>
            <fieldset className={formStyles.fieldset} aria-label="Credentials">
              <p className={textStyles.hint}>Used for every token in this batch; never stored.</p>
              <CredentialInputs
                clientId={register('client_id')}
                secret={register('secret')}
                clientIdError={errors.client_id?.message}
                secretError={errors.secret?.message}
              />
            </fieldset>
          </details>
        )}

        <div className={styles.submit}>
          <Button type="submit" variant="primary" disabled={running || reading || tooLong}>
            {reading
              ? 'Reading the text…'
              : extraction.tokens.length > 0
                ? `Look up ${extraction.tokens.length} ${extraction.tokens.length === 1 ? 'token' : 'tokens'}`
                : 'Look up tokens'}
          </Button>
          {!reading && extraction.tokens.length > 0 && rateLimitPerMinute !== null && (
            <p className={textStyles.hint}>
              {describeExpectedTime(extraction.tokens.length, rateLimitPerMinute)}
            </p>
          )}
        </div>
      </form>
    </Card>
  );
}
