import { cutJsonDepth, MAX_JSON_DEPTH, TruncatedJson } from '../../../../shared/json-depth';

// A generic view of any JSON value: for fields the UI does not know (yet), so that nothing Plaid
// sends is ever dropped from the panel.
export function KeyValueView({ entries }: { entries: ReadonlyArray<[string, unknown]> }) {
  if (entries.length === 0) return null;
  return (
    <dl className="sp-kv">
      {entries.map(([key, value]) => (
        <div key={key} className="sp-kv__row">
          <dt>{key}</dt>
          <dd>
            <JsonValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function JsonValue({ value: whole }: { value: unknown }) {
  if (whole instanceof TruncatedJson) {
    return (
      <span>
        <code>{whole.text}</code>{' '}
        <span className="sp-empty">(cut off: nested more than {MAX_JSON_DEPTH} levels)</span>
      </span>
    );
  }
  // Rendering nests a component per level and runs out of stack on deep enough JSON: what lies
  // deeper than MAX_JSON_DEPTH is shown as JSON text instead.
  const value = cutJsonDepth(whole, MAX_JSON_DEPTH);
  if (value === null) return <span className="sp-empty">null</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="sp-empty">empty list</span>;
    return (
      <ol className="sp-kv__list">
        {value.map((item, index) => (
          <li key={index}>
            <JsonValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return <span className="sp-empty">empty object</span>;
    return <KeyValueView entries={entries} />;
  }
  if (typeof value === 'string') return <span className="sp-kv__string">{value === '' ? '""' : value}</span>;
  return <code>{String(value)}</code>;
}

// Unknown fields under their own small heading, or nothing when there are none.
export function ExtraFields({
  entries,
  title = 'Other fields',
}: {
  entries: ReadonlyArray<[string, unknown]>;
  title?: string;
}) {
  if (entries.length === 0) return null;
  return (
    <div className="sp-extra">
      <p className="sp-extra__title">{title}</p>
      <KeyValueView entries={entries} />
    </div>
  );
}
