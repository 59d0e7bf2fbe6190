import { useEffect, useState } from 'react';
import { currentExpect, goToExpect, onAddressChange } from '../lib/address-bar';

// The QA profile the lookup is checked against, kept in the address bar (?expect=<profile id>)
// as the view is: a reload or a shared link keeps it, Back returns to the one before.
export function useExpect(): [string, (id: string) => void] {
  const [expect, setExpect] = useState(currentExpect);
  useEffect(() => onAddressChange(() => setExpect(currentExpect())), []);

  function choose(id: string) {
    goToExpect(id);
    setExpect(id);
  }
  return [expect, choose];
}
