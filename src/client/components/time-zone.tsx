import { createContext, useContext, useState, type ReactNode } from 'react';
import type { TimeZoneMode } from '../../shared/domain/format-time';

type TimeZoneChoice = { mode: TimeZoneMode; setMode: (mode: TimeZoneMode) => void };

const TimeZoneContext = createContext<TimeZoneChoice>({
  mode: 'local',
  setMode: () => {
    throw new Error('The time zone can only be chosen inside <TimeZoneProvider>.');
  },
});

// Local time or UTC, as the user chose (the toggle in a lookup's summary): every time the app
// shows follows it — in the answer, the batch table and the recent lookups alike.
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<TimeZoneMode>('local');
  return <TimeZoneContext value={{ mode, setMode }}>{children}</TimeZoneContext>;
}

export function useTimeZone(): TimeZoneChoice {
  return useContext(TimeZoneContext);
}
