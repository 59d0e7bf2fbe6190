import { useQuery } from '@tanstack/react-query';
import type { BaseSyntheticEvent } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { linkOpening } from '../lib/link-opening';
import { useLookupAddress } from './use-lookup-address';
import { useLookupForm, type CredentialsSection, type LookupFormApi } from './use-lookup-form';
import { useLookupRun, type LookupRunView } from './use-lookup-run';

// What the form shows and offers.
export type LookupFormControls = {
  form: LookupFormApi;
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  cancel: () => void;
  // A lookup is waiting for its first answer (Cancel is offered, Look up is not).
  busy: boolean;
  credentials: CredentialsSection;
};

export type Lookup = {
  form: LookupFormControls;
  run: LookupRunView;
  // Other parts of the page (fixture tokens, recent lookups) start a lookup with this.
  lookUpToken: (linkToken: string) => void;
};

// The lookup the page holds: the form, the run of the lookup it submits, and the address bar
// that names it. The form and the answer each take their part.
export function useLookup(): Lookup {
  const lookupForm = useLookupForm();
  const { form, submitWith, askForCredentials, dismissCredentialsPrompt } = lookupForm;
  const serverInfo = useQuery(serverInfoQuery);
  const { start: startRun, cancel, clear, ...run } = useLookupRun(form);

  // A lookup answers any prompt for credentials.
  function start(request: LinkTokenGetRequest, fromStore = false) {
    startRun(request, fromStore);
    dismissCredentialsPrompt();
  }
  const address = useLookupAddress(lookupForm, { start, clear });

  const submit = submitWith((request) => {
    // A token no credentials can serve (none on the server for its environment, none in the form)
    // is not sent to fail with MISSING_CREDENTIALS: the form asks for them, as a shared link does.
    const hasCredentials = request.client_id !== undefined && request.secret !== undefined;
    const opening = linkOpening(request.link_token, serverInfo.data ?? null, hasCredentials);
    if (opening.action === 'ask-for-credentials') {
      askForCredentials(opening.reason);
      return;
    }
    address.nameLookup(request.link_token);
    start(request);
  });

  return {
    form: { form, submit, cancel, busy: run.query.isLoading, credentials: lookupForm.credentials },
    run: {
      ...run,
      askPlaid: () => {
        if (!run.submitted) return;
        address.nameLookup(run.submitted.request.link_token);
        start(run.submitted.request);
      },
    },
    lookUpToken: (linkToken) => {
      form.setValue('link_token', linkToken, { shouldValidate: true });
      void submit();
    },
  };
}
