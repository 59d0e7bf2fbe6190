import type { ReactNode } from 'react';

// A status label. The text carries the meaning; the tone only reinforces it.
export type ChipTone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

export function Chip({ tone, children }: { tone: ChipTone; children: ReactNode }) {
  return <span className={`sp-chip sp-chip--${tone}`}>{children}</span>;
}
