import { lazy, Suspense } from 'react';
import { Notice } from '../../../components/Notice';
import type { LookupRunView } from '../hooks/use-lookup-run';
import type { SettledLookup } from '../hooks/use-settled-lookup';
import type { AnswerPanels } from './answer-panels';
import styles from './LookupAnswer.module.css';

type LookupAnswerProps = {
  run: LookupRunView;
  panels: AnswerPanels;
  onSettled: (settled: SettledLookup) => void;
};

// Shown instead of the answer when its code could not be downloaded.
function AnswerViewUnavailable({ run }: LookupAnswerProps) {
  if (!run.submitted) return null;
  return (
    <Notice tone="failure" role="alert">
      The answer view could not be loaded: the connection to the inspector may have dropped, or it was updated
      since this page opened. Reload the page and look the token up again.
    </Notice>
  );
}

// The answer view and the diagnosis it shows are loaded apart from the entry chunk, which keeps
// what every visit downloads before its first lookup within the size budget (docs/architecture.md).
// It starts loading as soon as the page renders this component, so it is usually there before
// the first answer.
const AnswerView = lazy(() =>
  import('./AnswerView').then(
    (module) => ({ default: module.AnswerView }),
    () => ({ default: AnswerViewUnavailable }),
  ),
);

// Until the answer view's code is there: what the lookup is doing, then that its answer is coming.
function AnswerViewLoading({ run }: { run: Pick<LookupRunView, 'submitted' | 'query'> }) {
  if (!run.submitted) return null;
  return (
    <p className={styles.loading} role="status">
      {run.query.isLoading ? 'Looking up…' : 'Loading the answer view…'}
    </p>
  );
}

export function LookupAnswer(props: LookupAnswerProps) {
  return (
    <Suspense fallback={<AnswerViewLoading run={props.run} />}>
      <AnswerView {...props} />
    </Suspense>
  );
}
