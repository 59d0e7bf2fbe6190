import { useId, type KeyboardEvent, type ReactNode } from 'react';
import styles from './Tabs.module.css';

export type Tab<Id extends string> = { id: Id; label: string; content: ReactNode };

type TabsProps<Id extends string> = {
  tabs: readonly Tab<Id>[];
  label: string;
  // The app selects a tab itself too (a paste of several tokens opens Batch).
  selectedId: Id;
  onSelect: (id: Id) => void;
};

// WAI-ARIA tabs: one tab stop for the tab list, arrow keys move between tabs. Inactive panels stay
// mounted (hidden) so switching tabs never throws away a lookup or a batch in progress.
export function Tabs<Id extends string>({ tabs, label, selectedId, onSelect: setSelectedId }: TabsProps<Id>) {
  const baseId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === selectedId);
    const offsets: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number | undefined;
    if (event.key in offsets) next = (index + offsets[event.key]! + tabs.length) % tabs.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next]!;
    setSelectedId(tab.id);
    document.getElementById(`${baseId}-tab-${tab.id}`)?.focus();
  }

  return (
    <>
      {tabs.length > 1 && (
        <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-controls={`${baseId}-panel-${tab.id}`}
              aria-selected={tab.id === selectedId}
              tabIndex={tab.id === selectedId ? 0 : -1}
              className={styles.tab}
              onClick={() => setSelectedId(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </div>
      )}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role={tabs.length > 1 ? 'tabpanel' : undefined}
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={tabs.length > 1 ? `${baseId}-tab-${tab.id}` : undefined}
          hidden={tab.id !== selectedId}
        >
          {tab.content}
        </div>
      ))}
    </>
  );
}
