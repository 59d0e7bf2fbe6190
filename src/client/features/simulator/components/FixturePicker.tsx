import { useQuery } from '@tanstack/react-query';
import { simulatorTokensQuery } from '../../../api/get-simulator-tokens';

// The simulator's fixture tokens, one per scenario; choosing one looks it up straight away.
export function FixturePicker({ onPick }: { onPick: (linkToken: string) => void }) {
  const { data: tokens, error, isPending } = useQuery(simulatorTokensQuery);

  return (
    <section className="card" aria-labelledby="fixture-picker-heading">
      <h2 id="fixture-picker-heading" className="card__title">
        Simulator fixture tokens
      </h2>
      {isPending && <p className="muted">Loading fixture tokens…</p>}
      {error && <p className="field-error">Could not load the fixture tokens: {error.message}</p>}
      {tokens && (
        <ul className="fixture-list">
          {tokens.map((token) => (
            <li key={token.link_token}>
              <button type="button" className="fixture-list__item" onClick={() => onPick(token.link_token)}>
                <span className="fixture-list__name">{token.scenario}</span>
                <span className="fixture-list__description">{token.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
