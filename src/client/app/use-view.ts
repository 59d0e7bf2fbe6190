import { useEffect, useState } from 'react';
import { currentAddress, goTo, onAddressChange, type View } from '../lib/address-bar';

// The view on screen, kept in the address bar (?view=batch): a reload stays on it, and switching
// views is a history entry, so Back returns to the previous view.
export function useView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => currentAddress().view);
  useEffect(() => onAddressChange((address) => setView(address.view)), []);

  function show(next: View) {
    goTo({ view: next });
    setView(next);
  }
  return [view, show];
}
