import type { AnswerMatch } from '../lib/answer-match';

type StaleAnswerNoticeProps = {
  id: string;
  match: Exclude<AnswerMatch, 'current'>;
  lookedUpToken: string;
  onRestore: () => void;
};

// Above an answer that no longer matches the form: whose answer it is, and the way back to it.
export function StaleAnswerNotice({ id, match, lookedUpToken, onRestore }: StaleAnswerNoticeProps) {
  return (
    <div className="stale-notice">
      <p id={id} className="stale-notice__text">
        {match === 'other-token' ? (
          <>
            <strong>Previous token’s answer.</strong> Below is what Plaid said about{' '}
            <code className="stale-notice__token">{lookedUpToken}</code>, not about what the field holds now.
          </>
        ) : (
          <>
            <strong>Answer for the earlier credentials.</strong> Below is what Plaid said with the credentials
            used before, not the ones in the form now: press Look up to ask with these.
          </>
        )}
      </p>
      <button type="button" className="button button--small" onClick={onRestore}>
        {match === 'other-token' ? 'Put that token back in the field' : 'Put the earlier credentials back'}
      </button>
    </div>
  );
}
