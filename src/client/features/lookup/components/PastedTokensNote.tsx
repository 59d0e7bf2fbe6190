import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import type { PasteNote } from '../hooks/use-token-paste';
import styles from './PastedTokensNote.module.css';

type PastedTokensNoteProps = {
  id: string;
  note: PasteNote | null;
  // Absent where there is no Batch to open (the lookup on its own, in tests).
  onOpenInBatch?: (tokens: string[]) => void;
};

// One line under the token field saying what a paste did. The live region stays in place, so that
// screen readers announce each new note; `id` names the sentence the field is described by.
export function PastedTokensNote({ id, note, onOpenInBatch }: PastedTokensNoteProps) {
  return (
    <div role="status">
      {note?.kind === 'one-token' && (
        <Notice tone="neutral" className={styles.note}>
          <span id={id}>Took the link token out of the pasted text.</span>
        </Notice>
      )}
      {/* Nothing went into the field: the user has to choose what to do with the tokens. */}
      {note?.kind === 'several-tokens' && (
        <Notice tone="warning" className={styles.note}>
          <span id={id} className={styles.text}>
            The pasted text holds {note.tokens.length} link tokens, so nothing was pasted: look them up
            together in Batch.
          </span>
          {onOpenInBatch && (
            <Button size="small" onClick={() => onOpenInBatch(note.tokens)}>
              Open the {note.tokens.length} tokens in Batch
            </Button>
          )}
        </Notice>
      )}
    </div>
  );
}
