import { createContext, useContext } from 'react';
import type { TimeZoneMode } from '../../shared/domain/format-time';

// The Local/UTC toggle of the summary applies to every time in the panel.
export const TimeZoneContext = createContext<TimeZoneMode>('local');

export function useTimeZoneMode(): TimeZoneMode {
  return useContext(TimeZoneContext);
}
