import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { ApiError } from '../../../api/api-error';
import { historyQuery } from '../../../api/get-history';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { FacetBreakdown, type FacetGroupCounts } from '../../../components/FacetBreakdown';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { shareableHistoryLink } from '../../../lib/address-bar';
import { isHistoryFiltered, NO_HISTORY_FILTER, toggleHistoryFacet } from '../../../lib/history-filter';
import {
  HISTORY_FACETS,
  type HistoryFacet,
  type HistoryFilter,
  type HistoryPage,
  type HistoryRow,
} from '../../../../shared/history/history-api';
import { describeFilter } from '../lib/describe-filter';
import { historyProblem } from '../lib/history-error';
import { FACET_LABELS, verdictLabel, verdictTone } from '../lib/history-words';
import { useHistoryFilter } from '../hooks/use-history-filter';
import { HistoryBanks } from './HistoryBanks';
import { HistoryEmpty } from './HistoryEmpty';
import { HistoryFilters } from './HistoryFilters';
import { HistoryProblem } from './HistoryProblem';
import { HistoryTable } from './HistoryTable';
import { HistoryToolbar } from './HistoryToolbar';
import styles from './history.module.css';

const VERDICT_LOOK = { label: verdictLabel, tone: verdictTone };

function breakdownGroups(page: HistoryPage, filter: HistoryFilter): FacetGroupCounts[] {
  return HISTORY_FACETS.map((facet) => {
    const chosen: readonly string[] = filter[facet];
    return {
      id: facet,
      label: FACET_LABELS[facet],
      counts: page.breakdown[facet].map(({ value, count }) => ({
        value,
        count,
        selected: chosen.includes(value),
      })),
      ...(facet === 'verdict' && { verdicts: VERDICT_LOOK }),
    };
  });
}

// Each token once, in the order the pages came (a token seen again between two pages moves up and
// could otherwise show twice).
function uniqueRows(pages: readonly HistoryPage[]): HistoryRow[] {
  const seen = new Set<string>();
  return pages
    .flatMap((page) => page.rows)
    .filter((row) => !seen.has(row.link_token) && seen.add(row.link_token));
}

// History: everything the inspector's store keeps, one row per token, newest first, with the
// outcome first (the verdict bar, the counts that filter the list, the banks with most failures),
// then the list itself, a page at a time. The filter lives in the address bar. `shown`: History is
// the view on screen (nothing is asked before).
export function HistoryView({ shown }: { shown: boolean }) {
  const id = useId();
  const [filter, setFilter] = useHistoryFilter(shown);
  const query = useInfiniteQuery<
    HistoryPage,
    ApiError,
    { pages: HistoryPage[] },
    readonly string[],
    string | null
  >({
    ...historyQuery(filter),
    enabled: shown,
  });
  const rows = useMemo(() => uniqueRows(query.data?.pages ?? []), [query.data]);
  const filtered = isHistoryFiltered(filter);
  const description = describeFilter(filter);
  const link = shareableHistoryLink(window.location.origin, filter);
  const page = query.data?.pages[0];

  return (
    <section className={styles.view} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        History
      </h2>
      <p className={text.hint}>
        Every link token this inspector keeps — from lookups, recordings and webhooks — newest first. Open a
        token to see its kept answer.
      </p>
      <Card>
        <HistoryFilters filter={filter} onChange={setFilter} />
      </Card>
      {filtered && (
        <p className={styles.filterLine}>
          <span>Filtered by {description.join('; ')}</span>
          <Button size="small" variant="quiet" onClick={() => setFilter(NO_HISTORY_FILTER)}>
            Clear all filters
          </Button>
        </p>
      )}

      {query.isPending ? (
        <p className={text.muted} role="status">
          Loading History…
        </p>
      ) : query.isError && !page ? (
        <HistoryProblem error={query.error} onRetry={() => void query.refetch()} />
      ) : page && page.total === 0 && !filtered ? (
        <HistoryEmpty />
      ) : page ? (
        <>
          {query.isRefetchError && (
            <Notice tone="warning" role="alert">
              This list may be out of date: {historyProblem(query.error).title.toLowerCase()}.
            </Notice>
          )}
          {page.outdated_verdicts > 0 && (
            <p className={text.hint}>
              {page.outdated_verdicts} {page.outdated_verdicts === 1 ? 'verdict is' : 'verdicts are'} being
              brought up to date with the current rules.
            </p>
          )}
          <Card>
            <div className={styles.overview}>
              <p className={styles.total}>
                <strong>
                  {page.total} {page.total === 1 ? 'token' : 'tokens'}
                </strong>{' '}
                {filtered ? 'match the filters' : 'kept'}
              </p>
              <FacetBreakdown
                groups={breakdownGroups(page, filter)}
                filtered={filtered}
                onToggle={(facet, value) =>
                  setFilter(toggleHistoryFacet(filter, facet as HistoryFacet, value))
                }
                onClear={() => setFilter(NO_HISTORY_FILTER)}
              />
            </div>
          </Card>
          <Card title="Banks with most failures" titleLevel={3}>
            <HistoryBanks banks={page.banks} rows={rows} />
          </Card>
          <HistoryToolbar filter={filter} page={page} description={description} link={link} />
          {page.total === 0 ? (
            <p className={text.muted}>No kept token matches these filters.</p>
          ) : (
            <>
              <HistoryTable rows={rows} />
              <div className={styles.more}>
                <span className={text.muted}>
                  Showing {rows.length} of {page.total}
                </span>
                {query.hasNextPage && (
                  <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                    {query.isFetchingNextPage ? 'Loading more…' : 'Load more'}
                  </Button>
                )}
              </div>
              {query.isFetchNextPageError && (
                <Notice tone="failure" role="alert">
                  Could not load more: {historyProblem(query.error).title.toLowerCase()}.{' '}
                  {query.error.error.error_message}
                </Notice>
              )}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
