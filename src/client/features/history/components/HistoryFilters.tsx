import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import formStyles from '../../../components/form.module.css';
import {
  KEPT_SOURCES,
  type HistoryFilter,
  type KeptSourceName,
} from '../../../../shared/history/history-api';
import { SOURCE_LABELS } from '../lib/history-words';
import styles from './history.module.css';

type TextFields = Pick<HistoryFilter, 'link_token' | 'link_session_id' | 'request_id' | 'from' | 'to'>;

const TEXT_FIELDS: { name: Exclude<keyof TextFields, 'from' | 'to'>; label: string; placeholder: string }[] =
  [
    { name: 'link_token', label: 'Link token', placeholder: 'link-sandbox-…' },
    { name: 'link_session_id', label: 'link_session_id', placeholder: 'a Link session’s id' },
    { name: 'request_id', label: 'Plaid request_id', placeholder: 'from a Plaid answer or log' },
  ];

function fieldsOf(filter: HistoryFilter): Required<{ [Name in keyof TextFields]: string }> {
  return {
    link_token: filter.link_token ?? '',
    link_session_id: filter.link_session_id ?? '',
    request_id: filter.request_id ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
  };
}

// The exact-match filters (token, session, request), where kept answers came from, and the date
// range. Typed values apply with the button (one history entry per search, not per keystroke);
// a source applies at once, as the breakdown's counts do.
export function HistoryFilters({
  filter,
  onChange,
}: {
  filter: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}) {
  const [fields, setFields] = useState(() => fieldsOf(filter));
  // Back, Forward or a breakdown toggle changes the filter from outside: the fields follow. (Set
  // while rendering, as React advises for state that follows a prop.)
  const [seen, setSeen] = useState(filter);
  if (filter !== seen) {
    setSeen(filter);
    setFields(fieldsOf(filter));
  }

  // Folded on a phone, so that the outcome is on the first screen, unless it holds a search.
  const [open, setOpen] = useState(
    () =>
      !window.matchMedia?.('(max-width: 40rem)').matches ||
      Object.values(fieldsOf(filter)).some((value) => value !== '') ||
      filter.source.length > 0,
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const typed = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, value.trim() === '' ? undefined : value.trim()]),
    );
    onChange({ ...filter, ...typed });
  }

  function toggleSource(source: KeptSourceName) {
    const chosen = filter.source.includes(source)
      ? filter.source.filter((entry) => entry !== source)
      : [...filter.source, source];
    onChange({ ...filter, source: chosen });
  }

  return (
    <details className={styles.search} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Search by token, ID, source or date</summary>
      <form className={styles.filters} onSubmit={apply} aria-label="History filters">
        <div className={styles.filterFields}>
          {TEXT_FIELDS.map(({ name, label, placeholder }) => (
            <label key={name} className={styles.filterField}>
              <span className={formStyles.label}>{label}</span>
              <input
                className={`${formStyles.input} ${formStyles.token}`}
                name={name}
                value={fields[name]}
                placeholder={placeholder}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
              />
            </label>
          ))}
          <label className={styles.filterField}>
            <span className={formStyles.label}>Last seen from (UTC)</span>
            <input
              className={formStyles.input}
              type="date"
              name="from"
              value={fields.from.slice(0, 10)}
              onChange={(event) => setFields({ ...fields, from: event.target.value })}
            />
          </label>
          <label className={styles.filterField}>
            <span className={formStyles.label}>Last seen before (UTC)</span>
            <input
              className={formStyles.input}
              type="date"
              name="to"
              value={fields.to.slice(0, 10)}
              onChange={(event) => setFields({ ...fields, to: event.target.value })}
            />
          </label>
        </div>
        <div className={styles.filterActions}>
          <fieldset className={styles.sources}>
            <legend className={formStyles.label}>Kept from</legend>
            {KEPT_SOURCES.map((source) => (
              <label key={source}>
                <input
                  type="checkbox"
                  checked={filter.source.includes(source)}
                  onChange={() => toggleSource(source)}
                />{' '}
                {SOURCE_LABELS[source]}
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="primary" size="small">
            Search History
          </Button>
        </div>
      </form>
    </details>
  );
}
