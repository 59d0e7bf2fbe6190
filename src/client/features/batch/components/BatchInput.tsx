import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { simulatorTokensQuery } from '../../../api/get-simulator-tokens';
import { CredentialInputs } from '../../../components/CredentialInputs';
import {
  BatchFormSchema,
  EMPTY_BATCH_FORM,
  type BatchFormValues,
  type BatchRequest,
} from '../lib/batch-form-schema';
import { extractTokens } from '../../../../shared/extract-tokens';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import formStyles from '../../../components/form.module.css';
import textStyles from '../../../components/text.module.css';
import styles from './batch.module.css';
import { ExtractionSummary } from './ExtractionSummary';

// Log files can be big, but a file far beyond this is not a list of 500 tokens.
const MAX_FILE_BYTES = 5 * 1024 * 1024;

// Tokens another view sends to Batch (a paste of several into the lookup field): they fill the
// text area, ready to look up. A new object for every sending.
export type BatchIncoming = { tokens: string[] };

type BatchInputProps = {
  incoming: BatchIncoming | null;
  onStart: (request: BatchRequest) => void;
  running: boolean;
  allowCredentials: boolean;
  // In simulator mode the fixture tokens can be filled in with one click, for demos and QA.
  simulatorMode: boolean;
};

// Paste, drop or choose the text holding the tokens; optional shared credentials. Credentials
// live only in this form's memory (autocomplete off) and go out with each lookup.
export function BatchInput({ incoming, onStart, running, allowCredentials, simulatorMode }: BatchInputProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [inputError, setInputError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    control,
    formState: { errors },
  } = useForm<BatchFormValues, unknown, BatchRequest>({
    resolver: zodResolver(BatchFormSchema),
    defaultValues: EMPTY_BATCH_FORM,
  });
  useEffect(() => {
    if (incoming === null) return;
    setValue('text', incoming.tokens.join('\n'), { shouldValidate: true });
    setFocus('text');
  }, [incoming, setValue, setFocus]);

  // Extraction of a large paste can take a moment; deferring keeps typing responsive.
  const text = useDeferredValue(useWatch({ control, name: 'text' }));
  const extraction = extractTokens(text);

  async function loadFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setInputError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; files up to 5 MB can be read.`,
      );
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

  const textError = errors.text?.message ?? inputError;
  return (
    <Card>
      <form className={styles.form} noValidate onSubmit={handleSubmit(onStart)}>
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
            aria-describedby={`${id}-summary${textError ? ` ${id}-text-error` : ''}`}
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

        <ExtractionSummary extraction={extraction} id={`${id}-summary`} />

        {allowCredentials && (
          <fieldset className={formStyles.fieldset}>
            <legend>
              Credentials <span className={textStyles.muted}>(optional)</span>
            </legend>
            <p className={textStyles.hint}>Used for every token in this batch; never stored.</p>
            <CredentialInputs
              clientId={register('client_id')}
              secret={register('secret')}
              clientIdError={errors.client_id?.message}
              secretError={errors.secret?.message}
            />
          </fieldset>
        )}

        <Button type="submit" variant="primary" className={styles.start} disabled={running}>
          {extraction.tokens.length > 0
            ? `Look up ${extraction.tokens.length} ${extraction.tokens.length === 1 ? 'token' : 'tokens'}`
            : 'Look up tokens'}
        </Button>
      </form>
    </Card>
  );
}
