import { Card } from '../../../components/Card';

// An empty store: what History holds, and how it fills.
export function HistoryEmpty() {
  return (
    <Card title="Nothing kept yet" titleLevel={3}>
      <p>
        History lists every link token this inspector keeps, newest first, with its verdict, bank and error,
        so you can see what failed and where without pasting anything. It fills by itself from:
      </p>
      <ul>
        <li>
          <strong>Lookups</strong>: each answer Plaid gives in the Lookup and Batch views is kept.
        </li>
        <li>
          <strong>Recordings</strong>: Link sessions your apps send to the inspector’s recorder.
        </li>
        <li>
          <strong>Webhooks</strong>: Link events Plaid reports to the inspector’s webhook address.
        </li>
      </ul>
      <p>Look a token up, and it appears here.</p>
    </Card>
  );
}
