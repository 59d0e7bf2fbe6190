import type { LookupError } from '../../api/lookup-link-token';

export function ErrorPanel({ error }: { error: LookupError }) {
  const { error: plaidError } = error;
  return (
    <section role="alert" aria-labelledby="error-panel-heading">
      <h2 id="error-panel-heading">{plaidError.error_code}</h2>
      <p>{plaidError.error_message}</p>
      {plaidError.request_id && (
        <p>
          Request ID: <code>{plaidError.request_id}</code>
        </p>
      )}
    </section>
  );
}
