import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { serverInfoQuery } from '../../../api/get-server-info';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import text from '../../../components/text.module.css';
import { useMediaQuery } from '../../../hooks/use-media-query';
import { useBatchRun } from '../hooks/use-batch-run';
import { answersLostOnReload, useWarnBeforeUnload } from '../hooks/use-warn-before-unload';
import type { BatchRequest } from '../lib/batch-form-schema';
import { NO_SOURCE, type BatchSource } from '../lib/batch-source';
import { saveBatch, savedBatch } from '../lib/batch-session';
import { bankTargets } from '../lib/bank-targets';
import { retryableTokens } from '../lib/batch-row';
import { breakdown } from '../lib/breakdown';
import { bringDrawerIntoView } from '../lib/drawer-in-view';
import { adjacentToken } from '../lib/row-navigation';
import { tokenLabels } from '../lib/token-labels';
import {
  filterRows,
  isFiltered,
  NO_FILTER,
  sortRows,
  toggleFacet,
  type Facet,
  type RowFilter,
  type Sort,
  WORST_FIRST,
} from '../lib/sort-filter-rows';
import type { AnswerPanels } from './answer-panels';
import { BatchDrawer } from './BatchDrawer';
import { BatchInput, type BatchIncoming } from './BatchInput';
import { BatchStatus } from './BatchStatus';
import { BatchTable, rowButtonId } from './BatchTable';
import { BatchToolbar } from './BatchToolbar';
import { Breakdown } from './Breakdown';
import { NotInStoreNotice } from './NotInStoreNotice';
import { NotKeptNotice } from './NotKeptNotice';
import styles from './batch.module.css';

// Narrower than this, the drawer covers the screen instead of standing beside the table.
const FULL_SCREEN_DRAWER = '(max-width: 56rem)';

// Where focus goes once the open row changes: the drawer's heading, a row's token button, or
// nowhere (Previous / Next keep it on themselves).
type FocusTarget = { kind: 'heading' } | { kind: 'row'; token: string } | null;

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

// Many tokens at once, for triage: paste, look up with a bounded pool, then see the verdicts at a
// glance (bar and breakdown), filter by any count, work through the rows in a drawer beside the
// table, retry what failed for a passing reason, export, and copy a summary for a ticket.
// `incoming`: tokens another view sent here.
export function BatchView({
  incoming = null,
  panels,
}: {
  incoming?: BatchIncoming | null;
  // The answer feature's panels, for the drawer (the app hands them over).
  panels: AnswerPanels;
}) {
  const id = useId();
  const ids = {
    input: `${id}-input`,
    table: `${id}-table`,
    drawer: `${id}-drawer`,
    drawerHeading: `${id}-drawer-heading`,
  };
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const { state, runLookup, start, retry, restore, cancel } = useBatchRun();
  const [sort, setSort] = useState<Sort | null>(WORST_FIRST);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [selectedToken, setSelectedToken] = useState<string | null>(null);
  const [inputOpen, setInputOpen] = useState(false);
  // A reload brings back the batch this tab last ran (lib/batch-session.ts), unless another view
  // sent tokens here: its source now, its answers from the store's kept answers below.
  const [saved] = useState(() => (incoming === null ? savedBatch() : null));
  const [source, setSource] = useState<BatchSource>(saved?.source ?? NO_SOURCE);
  const fullScreen = useMediaQuery(FULL_SCREEN_DRAWER);
  const focusTarget = useRef<FocusTarget>(null);

  // Tokens sent from another view fill the input: it opens, even after a run folded it. (Set while
  // rendering, as React advises for state that follows a prop.)
  const [seenIncoming, setSeenIncoming] = useState(incoming);
  if (incoming !== seenIncoming) {
    setSeenIncoming(incoming);
    if (incoming !== null) setInputOpen(true);
  }

  useEffect(() => {
    if (saved) void restore(saved.tokens);
  }, [saved, restore]);
  useWarnBeforeUnload(state.phase !== 'running' && answersLostOnReload(state.entries));

  const rows = useMemo(() => state.entries.map((entry) => entry.row), [state.entries]);
  // The entries change with each update while answers arrive, their tokens only with a new batch:
  // the labels are worked out once per list of tokens.
  const tokenList = state.entries.map((entry) => entry.token).join('\n');
  const labels = useMemo(() => tokenLabels(tokenList === '' ? [] : tokenList.split('\n')), [tokenList]);
  const counts = useMemo(() => breakdown(rows, filter), [rows, filter]);
  const visibleRows = useMemo(() => {
    const filtered = filterRows(rows, filter);
    return sort ? sortRows(filtered, sort) : filtered;
  }, [rows, filter, sort]);
  const visibleTokens = useMemo(() => visibleRows.map((row) => row.token), [visibleRows]);
  const retryTokens = useMemo(() => retryableTokens(rows), [rows]);
  const notInStore = useMemo(
    () => rows.filter((row) => row.verdict === 'not kept').map((row) => row.token),
    [rows],
  );
  const notKeptCount = useMemo(() => state.entries.filter((entry) => entry.notKept).length, [state.entries]);
  const banks = useMemo(
    () => ({
      targets: runLookup ? bankTargets(rows, runLookup) : new Map(),
      ask: state.phase !== 'running',
    }),
    [rows, state.phase, runLookup],
  );
  const selectedEntry = state.entries.find((entry) => entry.token === selectedToken) ?? null;

  const select = useCallback((token: string | null, focus: FocusTarget) => {
    focusTarget.current = focus;
    setSelectedToken(token);
  }, []);
  const onRowSelect = useCallback((token: string) => select(token, { kind: 'heading' }), [select]);
  const close = useCallback(() => {
    if (selectedToken) select(null, { kind: 'row', token: selectedToken });
  }, [select, selectedToken]);

  // After the open row changes: keep it in sight (the table moves only if it is not) and move
  // focus where it belongs.
  useEffect(() => {
    const target = focusTarget.current;
    focusTarget.current = null;
    if (selectedToken) {
      if (!fullScreen) bringDrawerIntoView(document.getElementById(ids.drawer));
      // Optional: jsdom, where the component tests run, has no scrollIntoView.
      document.getElementById(rowButtonId(ids.table, selectedToken))?.closest('tr')?.scrollIntoView?.({
        block: 'nearest',
      });
    }
    if (!target) return;
    const element = document.getElementById(
      target.kind === 'heading' ? ids.drawerHeading : rowButtonId(ids.table, target.token),
    );
    element?.focus({ preventScroll: true });
  }, [selectedToken, ids.table, ids.drawer, ids.drawerHeading, fullScreen]);

  function step(direction: 1 | -1) {
    const token = adjacentToken(visibleTokens, selectedToken, direction);
    if (!token) return;
    // At either end the button just pressed is disabled: focus goes to the heading instead.
    const atEnd = adjacentToken(visibleTokens, token, direction) === null;
    select(token, atEnd ? { kind: 'heading' } : null);
  }

  // J / K (next / previous) and Escape while focus is in the table or the drawer.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    if (event.key === 'Escape' && selectedToken) {
      event.preventDefault();
      close();
      return;
    }
    const key = event.key.toLowerCase();
    if (key !== 'j' && key !== 'k') return;
    const token = adjacentToken(visibleTokens, selectedToken, key === 'j' ? 1 : -1);
    if (!token) return;
    event.preventDefault();
    const inDrawer = document.getElementById(ids.drawer)?.contains(event.target as Node) ?? false;
    select(token, inDrawer ? { kind: 'heading' } : { kind: 'row', token });
  }

  const onStart = useCallback(
    (request: BatchRequest) => {
      setSelectedToken(null);
      setFilter(NO_FILTER);
      setInputOpen(false);
      setSource(request.source);
      saveBatch({ tokens: request.tokens, source: request.source });
      void start(request.tokens, request.credentials);
    },
    [start],
  );

  const started = state.phase !== 'idle';
  const selectedIndex = selectedToken ? visibleTokens.indexOf(selectedToken) : -1;
  const drawerOpen = selectedEntry !== null;
  return (
    <section className={styles.view} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        Batch lookup
      </h2>
      {started ? (
        <div className={styles.runLine}>
          <span>
            <strong>
              {state.entries.length} {state.entries.length === 1 ? 'token' : 'tokens'}
            </strong>{' '}
            in this batch
          </span>
          <Button
            size="small"
            aria-expanded={inputOpen}
            aria-controls={ids.input}
            onClick={() => setInputOpen(!inputOpen)}
          >
            {inputOpen ? 'Hide the input' : 'Change the tokens'}
          </Button>
        </div>
      ) : (
        <p className={text.hint}>
          Paste up to 500 link tokens, or any text that contains them, to see what happened to each: which
          linked, which failed and why, and who acts next.
        </p>
      )}
      <div id={ids.input} hidden={started && !inputOpen}>
        <BatchInput
          incoming={incoming}
          onStart={onStart}
          running={state.phase === 'running'}
          allowCredentials={serverInfo?.allowRequestCredentials ?? false}
          credentialsNeeded={serverInfo?.mode === 'plaid' && serverInfo.serverCredentials.length === 0}
          simulatorMode={serverInfo?.mode === 'simulator'}
          rateLimitPerMinute={serverInfo?.rateLimitPerMinute ?? null}
        />
      </div>

      {started && (
        <>
          <Card>
            <div className={styles.overview}>
              <BatchStatus
                state={state}
                rateLimitPerMinute={serverInfo?.rateLimitPerMinute ?? null}
                retryable={retryTokens.length}
                onCancel={cancel}
                onRetry={() => void retry(retryTokens)}
              />
              <Breakdown
                rows={rows}
                counts={counts}
                filtered={isFiltered(filter)}
                banks={banks}
                onToggle={(facet: Facet, value: string) =>
                  setFilter({ ...filter, facets: toggleFacet(filter.facets, facet, value) })
                }
                onClear={() => setFilter(NO_FILTER)}
              />
            </div>
          </Card>

          {notInStore.length > 0 && (
            <NotInStoreNotice
              count={notInStore.length}
              error={state.restoreError}
              onLookUp={() => void retry(notInStore)}
              running={state.phase === 'running'}
            />
          )}
          {notKeptCount > 0 && <NotKeptNotice count={notKeptCount} />}

          <BatchToolbar
            entries={state.entries}
            visibleRows={visibleRows}
            filter={filter}
            source={source}
            onTextChange={(value) => setFilter({ ...filter, text: value })}
          />

          <div
            className={
              drawerOpen && !fullScreen ? `${styles.workspace} ${styles.withDrawer}` : styles.workspace
            }
            onKeyDown={onKeyDown}
          >
            <BatchTable
              rows={visibleRows}
              labels={labels}
              sort={sort}
              onSortChange={setSort}
              selectedToken={selectedToken}
              tableId={ids.table}
              drawerId={ids.drawer}
              onSelect={onRowSelect}
            />
            {selectedEntry && (
              <BatchDrawer
                key={fullScreen ? 'full-screen' : 'beside'}
                entry={selectedEntry}
                runLookup={runLookup}
                panels={panels}
                label={labels.get(selectedEntry.token) ?? selectedEntry.token}
                id={ids.drawer}
                headingId={ids.drawerHeading}
                index={selectedIndex}
                total={visibleTokens.length}
                onPrevious={selectedIndex > 0 ? () => step(-1) : null}
                onNext={
                  selectedIndex !== -1 && selectedIndex < visibleTokens.length - 1 ? () => step(1) : null
                }
                onClose={close}
                fullScreen={fullScreen}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
