import type { StatusTone } from '../../shared/domain/status-tone';
import tones from './tone.module.css';

// The class that gives an element a status tone's colours (as --tone-fg, --tone-bg, --tone-border).
export function toneClass(tone: StatusTone): string {
  return tones[tone]!;
}
