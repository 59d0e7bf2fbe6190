import { Button } from '../../../components/Button';
import { Notice } from '../../../components/Notice';
import type { AnswerMatch } from '../lib/answer-match';
import styles from './StaleAnswerNotice.module.css';

type StaleAnswerNoticeProps = {
  // Names the sentence that describes the dimmed answer.
  id: string;
  match: Exclude<AnswerMatch, 'current'>;
  lookedUpToken: string;
  onRestore: () => void;
};

// Above an answer that no longer matches the form: whose answer it is, and the way back to it.
export function StaleAnswerNotice({ id, match, lookedUpToken, onRestore }: StaleAnswerNoticeProps) {
  return (
    <Notice tone="warning" className={styles.notice}>
      <span id={id} className={styles.text}>
        {match === 'other-token' ? (
          <>
            <strong>Previous token’s answer.</strong> Below is what Plaid said about{' '}
            <code className={styles.token}>{lookedUpToken}</code>, not about what the field holds now.
          </>
        ) : (
          <>
            <strong>Answer for the earlier credentials.</strong> Below is what Plaid said with the credentials
            used before, not the ones in the form now: press Look up to ask with these.
          </>
        )}
      </span>
      <Button size="small" onClick={onRestore}>
        {match === 'other-token' ? 'Put that token back in the field' : 'Put the earlier credentials back'}
      </Button>
    </Notice>
  );
}
