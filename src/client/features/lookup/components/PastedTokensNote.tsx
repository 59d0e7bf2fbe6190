import type { PasteNote } from '../hooks/use-token-paste';

type PastedTokensNoteProps = {
  id: string;
  note: PasteNote | null;
  // Absent where there is no Batch to open (the lookup on its own, in tests).
  onOpenInBatch?: (tokens: string[]) => void;
};

// One line under the token field saying what a paste did. The live region stays in place, so that
// screen readers announce each new note.
export function PastedTokensNote({ id, note, onOpenInBatch }: PastedTokensNoteProps) {
  const count = note?.kind === 'several-tokens' ? note.tokens.length : 0;
  return (
    <div className="paste-note">
      <p id={id} role="status" className="hint">
        {note?.kind === 'one-token' && 'Took the link token out of the pasted text.'}
        {note?.kind === 'several-tokens' &&
          `The pasted text holds ${count} link tokens, so nothing was pasted: look them up together in Batch.`}
      </p>
      {note?.kind === 'several-tokens' && onOpenInBatch && (
        <button type="button" className="button button--small" onClick={() => onOpenInBatch(note.tokens)}>
          Open the {count} tokens in Batch
        </button>
      )}
    </div>
  );
}
