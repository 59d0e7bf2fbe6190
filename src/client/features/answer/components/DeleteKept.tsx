import { useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { deleteKept } from '../../../api/delete-kept';
import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';

type DeleteState =
  | { step: 'idle' }
  | { step: 'confirming' }
  | { step: 'deleting' }
  | { step: 'deleted'; held: boolean }
  | { step: 'failed'; message: string };

// "Delete from the store" for a data-subject request: asks first, then forgets everything the
// inspector's store kept about the token. Browsers' own Recent lookups are out of its reach.
export function DeleteKept({ linkToken }: { linkToken: string }) {
  const [state, setState] = useState<DeleteState>({ step: 'idle' });

  async function remove() {
    setState({ step: 'deleting' });
    try {
      const deleted = await deleteKept([linkToken]);
      setState({ step: 'deleted', held: deleted > 0 });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'The store could not be reached.';
      setState({ step: 'failed', message });
    }
  }

  if (state.step === 'deleted') {
    return (
      <Notice tone="neutral" role="status">
        {state.held
          ? 'Deleted from the inspector’s store: everything kept about this token is gone.'
          : 'The inspector’s store held nothing more about this token.'}{' '}
        Browsers’ own Recent lookups (in each browser that looked it up) are not reached; the answer on this
        page stays until you leave it.
      </Notice>
    );
  }
  if (state.step === 'confirming' || state.step === 'deleting') {
    return (
      <Notice tone="warning">
        Delete everything the inspector’s store kept about this token, for everyone? This cannot be undone.{' '}
        <Button size="small" onClick={() => void remove()} disabled={state.step === 'deleting'}>
          {state.step === 'deleting' ? 'Deleting…' : 'Delete'}
        </Button>{' '}
        <Button size="small" onClick={() => setState({ step: 'idle' })} disabled={state.step === 'deleting'}>
          Cancel
        </Button>
      </Notice>
    );
  }
  return (
    <div>
      <Button size="small" onClick={() => setState({ step: 'confirming' })}>
        Delete from the store
      </Button>
      {state.step === 'failed' && (
        <Notice tone="failure" role="alert">
          Not deleted: {state.message}
        </Notice>
      )}
    </div>
  );
}
