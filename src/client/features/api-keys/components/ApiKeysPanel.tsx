import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKeysQuery } from '../../../api/api-keys';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import textStyles from '../../../components/text.module.css';
import type { ApiKeyCreated } from '../../../../shared/schemas/api-keys';
import styles from './ApiKeysPanel.module.css';
import { ApiKeyList } from './ApiKeyList';
import { CreateKeyForm } from './CreateKeyForm';
import { NewKey } from './NewKey';

// The API keys view: make a key for a machine client (shown once), see every key, revoke one.
export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery);
  // The key just made: kept in this component's memory only, and gone once the user is done.
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey });

  return (
    <div className={styles.panel}>
      <Card title="API keys">
        <div className={styles.body}>
          <p className={textStyles.hint}>
            Machine clients, such as your app’s backend registering link tokens or an MCP client, call the
            inspector with an API key instead of signing in. A key can do only what its scopes allow: it
            cannot look tokens up, open History or delete anything. Clients send it as{' '}
            <code>Authorization: Bearer lti_…</code>.
          </p>
          {keys.data?.sign_in === false && (
            <Notice tone="warning">
              This server has no sign-in (neither AUTH_USERS nor AUTH_TRUSTED_HEADER is set), so it answers
              only on its own machine: only clients on this machine can use these keys, and every key is made
              by “local”. To hand keys to clients elsewhere, whoever runs the inspector sets up sign-in.
            </Notice>
          )}
          {created ? (
            <NewKey created={created} onDone={() => setCreated(null)} />
          ) : (
            <CreateKeyForm
              onCreated={(key) => {
                setCreated(key);
                void refresh();
              }}
            />
          )}
        </div>
      </Card>
      <Card title="Keys">
        {keys.isPending && <p className={textStyles.muted}>Loading the keys…</p>}
        {keys.isError && (
          <Notice tone="failure" role="alert">
            The keys could not be read: {keys.error.message}
          </Notice>
        )}
        {keys.data && <ApiKeyList keys={keys.data.keys} onRevoked={() => void refresh()} />}
      </Card>
    </div>
  );
}
