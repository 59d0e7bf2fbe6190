import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/api-error';
import { lookupLinkToken } from '../../../api/lookup-link-token';
import {
  compareAnswers,
  type AnswerComparison,
  type ComparisonRow,
} from '../../../../shared/checks/compare-answers';
import type { LinkTokenGetResponse } from '../../../../shared/schemas/link-token-get-response';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import form from '../../../components/form.module.css';
import text from '../../../components/text.module.css';
import { useDisclosure } from '../hooks/use-disclosure';
import styles from './CompareWithToken.module.css';

type CompareState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; comparison: AnswerComparison; secondToken: string }
  | { kind: 'error'; message: string };

function ComparisonTable({ caption, rows }: { caption: string; rows: readonly ComparisonRow[] }) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">This token</th>
          <th scope="col">The other token</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className={row.differs ? styles.differs : undefined}>
            <th scope="row">
              {row.label}
              {row.differs && (
                <>
                  {' '}
                  <StatusBadge tone="warning">Differs</StatusBadge>
                </>
              )}
            </th>
            <td className={text.break}>{row.first}</td>
            <td className={text.break}>{row.second}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// "Compare with another token" (e.g. yesterday's passing run beside today's failing one): looks
// the second token up with the same credentials as this answer and shows the configuration and the
// outcome of both side by side, differences marked.
export function CompareWithToken({
  first,
  answeredAt,
  credentials,
}: {
  first: LinkTokenGetResponse;
  answeredAt: number;
  // The credentials of this answer's lookup (null: the server's own).
  credentials: { client_id: string; secret: string } | null;
}) {
  const { open, buttonProps, panelProps } = useDisclosure();
  const [state, setState] = useState<CompareState>({ kind: 'idle' });
  const inputId = useId();
  const pending = useRef<AbortController | null>(null);

  async function compare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('link_token') ?? '').trim();
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setState({ kind: 'loading' });
    try {
      const second = await lookupLinkToken(
        { link_token: token, ...credentials },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      setState({
        kind: 'done',
        comparison: compareAnswers(first, answeredAt, second.data, Date.now()),
        secondToken: second.data.link_token,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof ApiError ? error.error.error_message : 'The lookup failed in the browser.';
      setState({ kind: 'error', message: `Could not look up the other token: ${message}` });
    }
  }

  const actions = (
    <Button size="small" {...buttonProps}>
      {open ? 'Hide the comparison' : 'Compare with another token'}
    </Button>
  );
  return (
    <Card title="Compare with another token" titleLevel={3} actions={actions}>
      <div {...panelProps}>
        <form className={styles.form} onSubmit={(event) => void compare(event)}>
          <label htmlFor={inputId}>The other link_token</label>
          <input
            id={inputId}
            className={form.input}
            name="link_token"
            required
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" size="small" disabled={state.kind === 'loading'}>
            {state.kind === 'loading' ? 'Looking it up…' : 'Compare'}
          </Button>
        </form>
        {state.kind === 'error' && (
          <Notice tone="failure" role="alert">
            {state.message}
          </Notice>
        )}
        {state.kind === 'done' && (
          <div aria-live="polite">
            <p className={text.hint}>
              {state.comparison.differences === 0
                ? 'No differences in configuration or outcome.'
                : `${state.comparison.differences} ${state.comparison.differences === 1 ? 'difference' : 'differences'}, marked below.`}{' '}
              <code className={text.break}>{state.secondToken}</code> as Plaid answers now.
            </p>
            <ComparisonTable caption="Configuration" rows={state.comparison.configuration} />
            <ComparisonTable caption="Outcome" rows={state.comparison.outcome} />
          </div>
        )}
      </div>
    </Card>
  );
}
