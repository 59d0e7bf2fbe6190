import { useQuery } from '@tanstack/react-query';
import { simulatorTokensQuery } from '../../../api/get-simulator-tokens';
import { ButtonList, ButtonListItem } from '../../../components/ButtonList';
import { Card } from '../../../components/Card';
import formStyles from '../../../components/form.module.css';
import text from '../../../components/text.module.css';
import styles from './FixturePicker.module.css';

// The simulator's fixture tokens, one per scenario; choosing one looks it up straight away.
export function FixturePicker({ onPick }: { onPick: (linkToken: string) => void }) {
  const { data: tokens, error, isPending } = useQuery(simulatorTokensQuery);

  return (
    <Card title="Simulator fixture tokens">
      {isPending && <p className={text.hint}>Loading fixture tokens…</p>}
      {error && <p className={formStyles.error}>Could not load the fixture tokens: {error.message}</p>}
      {tokens && (
        <ButtonList scroll>
          {tokens.map((token) => (
            <ButtonListItem key={token.link_token} onClick={() => onPick(token.link_token)}>
              <span className={styles.name}>{token.scenario}</span>
              <span className={styles.description}>{token.description}</span>
            </ButtonListItem>
          ))}
        </ButtonList>
      )}
    </Card>
  );
}
