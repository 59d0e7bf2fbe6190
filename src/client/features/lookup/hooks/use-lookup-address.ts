import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import { currentAddress, goTo, onAddressChange } from '../../../lib/address-bar';
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
// first. A step that changes only the view (Back from Batch) leaves the lookup as it is.
export function useLookupAddress(
  lookupForm: LookupFormState,
  { start, clear }: { start: (request: LinkTokenGetRequest) => void; clear: LookupRun['clear'] },
): LookupAddress {
  const { form, submitWith, askForCredentials, dismissCredentialsPrompt } = lookupForm;
  const serverInfo = useQuery(serverInfoQuery);
  // The token the address named when the lookup last followed it.
  const followed = useRef(currentAddress().linkToken);

  // Opens what the address names: looks it up (already in the history), or asks for the
  // credentials it needs.
  function open(linkToken: string) {
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
    if (followed.current !== '') open(followed.current);
  });
  useEffect(() => {
    if (opened.current || !configKnown) return;
    opened.current = true;
    openLink();
  }, [configKnown]);

  const follow = useEffectEvent((linkToken: string) => {
    if (linkToken === followed.current) return;
    followed.current = linkToken;
    dismissCredentialsPrompt();
    clear();
    if (linkToken === '') {
      form.setValue('link_token', '');
      form.clearErrors('link_token');
      return;
    }
    form.setValue('link_token', linkToken, { shouldValidate: true });
    open(linkToken);
  });
  useEffect(() => onAddressChange((address) => follow(address.linkToken)), []);

  return {
    nameLookup: (linkToken) => {
      goTo({ linkToken });
      followed.current = currentAddress().linkToken;
    },
  };
}
