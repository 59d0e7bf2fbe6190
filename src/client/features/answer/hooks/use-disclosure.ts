import { useId, useState } from 'react';

export type Disclosure = {
  open: boolean;
  buttonProps: { 'aria-expanded': boolean; 'aria-controls': string; onClick: () => void };
  panelProps: { id: string; hidden: boolean };
};

// A show/hide button and the region it controls, wired as WAI-ARIA's disclosure pattern: spread
// `buttonProps` on the button and `panelProps` on the region.
export function useDisclosure(initiallyOpen = false): Disclosure {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  return {
    open,
    buttonProps: { 'aria-expanded': open, 'aria-controls': panelId, onClick: () => setOpen(!open) },
    panelProps: { id: panelId, hidden: !open },
  };
}
