import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { serverInfoQuery } from '../../../api/get-server-info';
import type { ServerInfo } from '../../../../shared/api-types';
import { environmentLabel } from '../../../../shared/link-token';
import { Spinner } from '../../../components/ActivityIndicator';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import formStyles from '../../../components/form.module.css';
import type { LookupFormControls } from '../hooks/use-lookup';
import { useTokenPaste } from '../hooks/use-token-paste';
import { CredentialsFields } from './CredentialsFields';
import { EnvironmentBadge } from './EnvironmentBadge';
import styles from './LookupForm.module.css';
import { PastedTokensNote } from './PastedTokensNote';

// null hides the credentials section (the server does not accept credentials in requests).
function credentialsHint(info: ServerInfo | undefined): string | null {
  if (!info) return "Leave empty to use the server's credentials.";
  if (!info.allowRequestCredentials) return null;
  if (info.mode === 'simulator') {
    return "Leave empty to use the server's. The simulator accepts only client ID simulator-client-id with secret simulator-secret.";
  }
  if (info.serverCredentials.length === 0) {
    return "The server has no Plaid credentials: enter your client ID and the secret for the token's environment.";
  }
  const environments = info.serverCredentials.map(environmentLabel).join(' and ');
  return `Leave empty to use the server's credentials (it has them for ${environments}).`;
}

type LookupFormProps = {
  controls: LookupFormControls;
  // Where a paste of several tokens can go (the Batch tab).
  onOpenInBatch?: (tokens: string[]) => void;
  // Offered every paste first; true when it took the paste (pasted Link client logs).
  onPasteText?: (text: string) => boolean;
};

export function LookupForm({ controls, onOpenInBatch, onPasteText }: LookupFormProps) {
  const { form, submit, cancel, busy, credentials } = controls;
  const paste = useTokenPaste(form);
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const hint = credentialsHint(serverInfo);
  const id = useId();
  const linkToken = useWatch({ control: form.control, name: 'link_token' });
  const tokenError = form.formState.errors.link_token;

  return (
    <Card>
      <form onSubmit={submit} noValidate aria-label="Look up a link token">
        <div className={formStyles.field}>
          <div className={formStyles.labelRow}>
            <label className={formStyles.label} htmlFor={`${id}-token`}>
              Link token
            </label>
            <EnvironmentBadge linkToken={linkToken} />
          </div>
          <input
            id={`${id}-token`}
            className={`${formStyles.input} ${formStyles.token}`}
            placeholder="link-sandbox-… or link-production-…"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            aria-invalid={tokenError ? true : undefined}
            aria-describedby={tokenError ? `${id}-token-error ${id}-paste-note` : `${id}-paste-note`}
            onPaste={(event) => {
              if (onPasteText?.(event.clipboardData.getData('text'))) event.preventDefault();
              else paste.onPaste(event);
            }}
            {...form.register('link_token')}
          />
          {tokenError && (
            <p id={`${id}-token-error`} className={formStyles.error}>
              {tokenError.message}
            </p>
          )}
          <PastedTokensNote id={`${id}-paste-note`} note={paste.note} onOpenInBatch={onOpenInBatch} />
        </div>
        {hint !== null && (
          <CredentialsFields
            form={form}
            open={credentials.open}
            onToggle={credentials.toggle}
            hint={hint}
            needed={credentials.needed}
            prompt={credentials.prompt}
          />
        )}
        <div className={styles.actions}>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? (
              <>
                <Spinner /> Looking up…
              </>
            ) : (
              'Look up'
            )}
          </Button>
          {busy && <Button onClick={cancel}>Cancel lookup</Button>}
        </div>
      </form>
    </Card>
  );
}
