import { useState } from 'react';
import { revokeApiKey } from '../../../api/api-keys';
import { ApiError } from '../../../api/api-error';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { Timestamp } from '../../../components/Timestamp';
import textStyles from '../../../components/text.module.css';
import type { ApiKeySummary } from '../../../../shared/schemas/api-keys';
import styles from './ApiKeysPanel.module.css';

// Every key, newest first, revoked ones too: who made it, when it was last used, and a way to
// revoke it.
export function ApiKeyList({ keys, onRevoked }: { keys: ApiKeySummary[]; onRevoked: () => void }) {
  if (keys.length === 0) return <p className={textStyles.muted}>No API keys yet.</p>;
  return (
    <ul className={styles.list}>
      {keys.map((key) => (
        <ApiKeyItem key={key.id} apiKey={key} onRevoked={onRevoked} />
      ))}
    </ul>
  );
}

type RevokeState =
  { step: 'idle' } | { step: 'confirming' } | { step: 'revoking' } | { step: 'failed'; message: string };

function ApiKeyItem({ apiKey, onRevoked }: { apiKey: ApiKeySummary; onRevoked: () => void }) {
  const [state, setState] = useState<RevokeState>({ step: 'idle' });

  async function revoke() {
    setState({ step: 'revoking' });
    try {
      await revokeApiKey(apiKey.id);
      setState({ step: 'idle' });
      onRevoked();
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'The server could not be reached.';
      setState({ step: 'failed', message });
    }
  }

  return (
    <li className={styles.item} aria-label={apiKey.name}>
      <div className={styles.itemHeading}>
        <span className={styles.name}>{apiKey.name}</span>
        {apiKey.revoked_at === null ? (
          <StatusBadge tone="success">Active</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">Revoked</StatusBadge>
        )}
      </div>
      <ul className={textStyles.inlineList} aria-label="Scopes">
        {apiKey.scopes.map((scope) => (
          <li key={scope}>
            <code>{scope}</code>
          </li>
        ))}
      </ul>
      <p className={textStyles.hint}>
        Made by {apiKey.created_by} on <Timestamp value={apiKey.created_at} /> · last used{' '}
        <Timestamp value={apiKey.last_used_at} empty="never" />
        {apiKey.revoked_at !== null && (
          <>
            {' '}
            · revoked by {apiKey.revoked_by} on <Timestamp value={apiKey.revoked_at} />
          </>
        )}
      </p>
      {apiKey.revoked_at === null &&
        (state.step === 'confirming' || state.step === 'revoking' ? (
          <Notice tone="warning">
            Revoke “{apiKey.name}”? Clients using it are refused from now on. This cannot be undone.{' '}
            <span className={styles.actions}>
              <Button size="small" onClick={() => void revoke()} disabled={state.step === 'revoking'}>
                {state.step === 'revoking' ? 'Revoking…' : 'Revoke'}
              </Button>
              <Button
                size="small"
                onClick={() => setState({ step: 'idle' })}
                disabled={state.step === 'revoking'}
              >
                Cancel
              </Button>
            </span>
          </Notice>
        ) : (
          <div>
            <Button
              size="small"
              onClick={() => setState({ step: 'confirming' })}
              aria-label={`Revoke ${apiKey.name}`}
            >
              Revoke…
            </Button>
          </div>
        ))}
      {state.step === 'failed' && (
        <Notice tone="failure" role="alert">
          Not revoked: {state.message}
        </Notice>
      )}
    </li>
  );
}
