import { Button } from '../../../components/Button';
import { useNow } from '../../../hooks/use-now';

type RetryButtonProps = {
  // When the server's Retry-After runs out (epoch ms); null when it asked for no wait.
  retryAt: number | null;
  onRetry: () => void;
};

// Retry for a failure that may pass by itself. While the server's wait runs, the button says how
// long is left; pressed early, the lookup waits that long before asking.
export function RetryButton({ retryAt, onRetry }: RetryButtonProps) {
  const now = useNow();
  const secondsLeft = retryAt === null ? 0 : Math.ceil((retryAt - now) / 1000);
  return (
    <Button variant="primary" onClick={onRetry}>
      {secondsLeft > 0 ? `Retry in ${secondsLeft} s` : 'Retry'}
    </Button>
  );
}
