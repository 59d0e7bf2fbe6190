import { format } from 'date-fns';
import type { RecentLookup } from '../lib/recent-lookups-store';

type RecentLookupsProps = {
  lookups: readonly RecentLookup[];
  onRerun: (linkToken: string) => void;
  onClear: () => void;
};

export function RecentLookups({ lookups, onRerun, onClear }: RecentLookupsProps) {
  return (
    <section className="card" aria-labelledby="recent-lookups-heading">
      <div className="card__header">
        <h2 id="recent-lookups-heading" className="card__title">
          Recent lookups
        </h2>
        {lookups.length > 0 && (
          <button type="button" className="button button--small button--quiet" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      {lookups.length === 0 ? (
        <p className="muted">Lookups you make appear here (tokens only, never credentials).</p>
      ) : (
        <ul className="recent-list">
          {lookups.map((lookup) => (
            <li key={lookup.linkToken}>
              <button
                type="button"
                className="recent-list__item"
                onClick={() => onRerun(lookup.linkToken)}
                aria-label={`Re-run ${lookup.linkToken} (last: ${lookup.outcome})`}
              >
                <code className="recent-list__token">{lookup.linkToken}</code>
                <span className="recent-list__meta">
                  <span className={lookup.failed ? 'outcome outcome--failed' : 'outcome'}>
                    {lookup.outcome}
                  </span>
                  <time dateTime={lookup.lookedUpAt}>
                    {format(new Date(lookup.lookedUpAt), 'MMM d, HH:mm')}
                  </time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
