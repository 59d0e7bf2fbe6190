import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState, type BaseSyntheticEvent } from 'react';
import { useForm, type SubmitErrorHandler, type UseFormReturn } from 'react-hook-form';
import { serverInfoQuery } from '../../../api/get-server-info';
import { currentAddress } from '../../../lib/address-bar';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { EMPTY_LOOKUP_FORM, LookupFormSchema, type LookupFormValues } from '../lib/lookup-form-schema';

export type LookupFormApi = UseFormReturn<LookupFormValues, unknown, LinkTokenGetRequest>;

// The credentials section of the form, as the form shows it.
export type CredentialsSection = {
  open: boolean;
  // Why the section opened by itself (a link the server lacks credentials for); null otherwise.
  prompt: string | null;
  // The lookup cannot run without the user's credentials: the section says so instead of "optional".
  needed: boolean;
  toggle: () => void;
};

export type LookupFormState = {
  form: LookupFormApi;
  credentials: CredentialsSection;
  // Submits to `onValid` when the form is valid; otherwise shows the errors, opening the
  // credentials section when one is there.
  submitWith: (
    onValid: (request: LinkTokenGetRequest) => void,
  ) => (event?: BaseSyntheticEvent) => Promise<void>;
  // Opens the credentials section and says why.
  askForCredentials: (reason: string) => void;
  dismissCredentialsPrompt: () => void;
};

// The lookup form: the token (from the address bar at first) and the credentials section, open
// when the user opened it, when the server has no credentials of its own, or when a link asked.
export function useLookupForm(): LookupFormState {
  const serverInfo = useQuery(serverInfoQuery);
  const form = useForm<LookupFormValues, unknown, LinkTokenGetRequest>({
    resolver: zodResolver(LookupFormSchema),
    mode: 'onChange',
    defaultValues: { ...EMPTY_LOOKUP_FORM, link_token: currentAddress().linkToken },
  });
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  const [prompt, setPrompt] = useState<string | null>(null);

  // Without server credentials in real Plaid mode the user must give theirs: show the fields.
  const info = serverInfo.data;
  const serverHasNoCredentials = info?.mode === 'plaid' && info.serverCredentials.length === 0;
  const open = openChoice ?? serverHasNoCredentials;

  const onInvalid: SubmitErrorHandler<LookupFormValues> = (errors) => {
    // A credentials error must not hide inside a collapsed section.
    if (errors.client_id || errors.secret) setOpenChoice(true);
  };

  return {
    form,
    credentials: {
      open,
      prompt,
      needed: serverHasNoCredentials || prompt !== null,
      toggle: () => setOpenChoice(!open),
    },
    submitWith: (onValid) => form.handleSubmit(onValid, onInvalid),
    askForCredentials: (reason) => {
      setOpenChoice(true);
      setPrompt(reason);
    },
    dismissCredentialsPrompt: () => setPrompt(null),
  };
}
