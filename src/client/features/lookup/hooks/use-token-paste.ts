import { useState, type ClipboardEvent } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import type { LookupFormValues } from '../lib/lookup-form-schema';
import { readPastedText } from '../lib/pasted-text';

// What the last paste into the token field did, when it did more than paste.
export type PasteNote = { kind: 'one-token' } | { kind: 'several-tokens'; tokens: string[] };

// A paste that holds one token leaves that token alone in the field; one that holds several leaves
// the field as it was and offers them to Batch. Anything else is pasted as it is.
export function useTokenPaste(form: UseFormReturn<LookupFormValues, unknown, LinkTokenGetRequest>) {
  const [last, setLast] = useState<{ note: PasteNote; fieldValue: string } | null>(null);
  const fieldValue = useWatch({ control: form.control, name: 'link_token' });

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = readPastedText(event.clipboardData.getData('text'));
    if (pasted.kind === 'as-is') {
      setLast(null);
      return;
    }
    event.preventDefault();
    if (pasted.kind === 'one-token') {
      form.setValue('link_token', pasted.token, { shouldValidate: true, shouldDirty: true });
      setLast({ note: { kind: 'one-token' }, fieldValue: pasted.token });
    } else {
      setLast({
        note: { kind: 'several-tokens', tokens: pasted.tokens },
        fieldValue: form.getValues('link_token'),
      });
    }
  }

  // The note speaks of the field as the paste left it: it goes as soon as the field changes.
  const note = last !== null && last.fieldValue === fieldValue ? last.note : null;
  return { note, onPaste };
}
