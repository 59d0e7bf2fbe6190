import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import { currentAddress, goTo, onAddressChange, type Address } from '../../../lib/address-bar';
import type { LinkTokenGetRequest } from '../../../../shared/schemas/link-token-get-request';
import { linkOpening } from '../lib/link-opening';
import type { LookupFormState } from './use-lookup-form';
import type { LookupRun } from './use-lookup-run';

export type LookupAddress = {
  // Names a lookup the user starts in the address bar: a new page in the browser's history, so
  // that Back shows the previous one.
  nameLookup: (linkToken: string) => void;
};

// The lookup's side of the address bar (?link_token=). Opening a link that names a token runs
// its lookup once the server's configuration is known (it tells whether credentials are needed);
// Back and Forward to another token show that token's lookup again, or the empty form before the
// first. A step that changes only the view (Back from Batch or History) leaves the lookup as it is.
export function useLookupAddress(
  lookupForm: LookupFormState,
  {
    start,
    clear,
  }: { start: (request: LinkTokenGetRequest, fromStore?: boolean) => void; clear: LookupRun['clear'] },
): LookupAddress {
  const { form, submitWith, askForCredentials, dismissCredentialsPrompt } = lookupForm;
  const serverInfo = useQuery(serverInfoQuery);
  // The token the address named when the lookup last followed it, and whether it was the store's
  // kept answer (?kept=1).
  const followed = useRef(currentAddress());

  // Opens what the address names: looks it up (already in the history), or asks for the
  // credentials it needs. The store's kept answer needs no credentials: Plaid is not asked.
  function open(linkToken: string, kept: boolean) {
    if (kept) {
      void submitWith((request) => start(request, true))();
      return;
    }
    const { client_id, secret } = form.getValues();
    const hasCredentials = client_id.trim() !== '' && secret.trim() !== '';
    const opening = linkOpening(linkToken, serverInfo.data ?? null, hasCredentials);
    if (opening.action === 'show-token-error') void form.trigger('link_token');
    else if (opening.action === 'ask-for-credentials') askForCredentials(opening.reason);
    else void submitWith(start)();
  }

  // Once: not again on a re-render or a remount.
  const opened = useRef(false);
  const configKnown = serverInfo.status !== 'pending';
  const openLink = useEffectEvent(() => {
    if (followed.current.linkToken !== '') open(followed.current.linkToken, followed.current.kept);
  });
  useEffect(() => {
    if (opened.current || !configKnown) return;
    opened.current = true;
    openLink();
  }, [configKnown]);

  const follow = useEffectEvent(({ view, linkToken, kept }: Address) => {
    // History's address says nothing about the lookup (its link_token is a filter).
    if (view === 'history') return;
    if (linkToken === followed.current.linkToken && kept === followed.current.kept) return;
    followed.current = { ...followed.current, linkToken, kept };
    dismissCredentialsPrompt();
    clear();
    if (linkToken === '') {
      form.setValue('link_token', '');
      form.clearErrors('link_token');
      return;
    }
    form.setValue('link_token', linkToken, { shouldValidate: true });
    open(linkToken, kept);
  });
  useEffect(() => onAddressChange(follow), []);

  return {
    nameLookup: (linkToken) => {
      goTo({ linkToken, kept: false });
      followed.current = currentAddress();
    },
  };
}
