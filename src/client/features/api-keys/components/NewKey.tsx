import { Button } from '../../../components/Button';
import { CopyButton } from '../../../components/CopyButton';
import { Notice } from '../../../components/Notice';
import type { ApiKeyCreated } from '../../../../shared/schemas/api-keys';
import styles from './ApiKeysPanel.module.css';

// The key just made, the one time it is shown: the inspector keeps only a hash of it.
export function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  return (
    <div className={styles.newKey} role="region" aria-label="Your new API key">
      <Notice tone="warning" strong>
        Copy the key “{created.name}” now and keep it in your client’s secret store: you will not see it
        again. The inspector keeps only a hash of it; if it is lost, revoke it and make a new one.
      </Notice>
      <div className={styles.key}>
        <code className={styles.keyText} aria-label="The new API key">
          {created.key}
        </code>
        <CopyButton label="Copy the new API key" text={created.key} />
      </div>
      <div>
        <Button onClick={onDone}>I have copied it</Button>
      </div>
    </div>
  );
}
