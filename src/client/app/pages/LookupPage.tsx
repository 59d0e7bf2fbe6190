import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { serverInfoQuery } from '../../api/get-server-info';
import { LookupAnswer, LookupForm, useLookup, type SettledLookup } from '../../features/lookup';
import { PastedLogsAnswer, usePastedLogs } from '../../features/pasted-logs';
import { RecentLookups, useRecentLookups } from '../../features/recent-lookups';
import { ProfilePicker, useChosenProfile } from '../../features/qa-profiles';
import { FixturePicker } from '../../features/simulator';
import { checkedAnswerPanels, lazyAnswerPanels, preloadAnswerPanels } from '../answer-panels';
import { useExpect } from '../use-expect';
import styles from './LookupPage.module.css';

// The Lookup tab: the form and its answer, beside the simulator's fixture tokens and the recent
// lookups, either of which starts a lookup. A paste of several tokens goes to Batch; a paste of
// Link client logs is answered here, beside Plaid's answer. The answer's panels come from the
// answer feature, through the app (answer-panels.tsx).
export function LookupPage({ onOpenInBatch }: { onOpenInBatch: (tokens: string[]) => void }) {
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const recent = useRecentLookups();
  const addRecent = recent.add;
  const remember = useCallback(
    (settled: SettledLookup) =>
      addRecent({
        linkToken: settled.linkToken,
        verdict: settled.verdict,
        tone: settled.tone,
        detail: settled.detail,
        lookedUpAt: new Date(settled.at).toISOString(),
      }),
    [addRecent],
  );
  const lookup = useLookup();
  useEffect(preloadAnswerPanels, []);
  // Pasted Link client logs are answered beside the lookup; a link token in them is looked up too.
  const pastedLogs = usePastedLogs(lookup.lookUpToken);
  // The QA profile the answer is checked against (?expect=), if any.
  const [expect, chooseExpect] = useExpect();
  const chosen = useChosenProfile(expect);
  const profile = chosen.kind === 'found' ? chosen.profile : undefined;
  const panels = useMemo(() => checkedAnswerPanels(profile), [profile]);

  return (
    <div className={styles.layout}>
      <div className={styles.column}>
        <LookupForm controls={lookup.form} onOpenInBatch={onOpenInBatch} onPasteText={pastedLogs.offer} />
        <ProfilePicker chosenId={expect} chosen={chosen} onChoose={chooseExpect} />
        <PastedLogsAnswer pastedLogs={pastedLogs} View={lazyAnswerPanels.PastedLogsView} />
        <LookupAnswer run={lookup.run} panels={panels} onSettled={remember} />
      </div>
      <div className={styles.column}>
        {serverInfo?.mode === 'simulator' && <FixturePicker onPick={lookup.lookUpToken} />}
        <RecentLookups lookups={recent.lookups} onRerun={lookup.lookUpToken} onClear={recent.clear} />
      </div>
    </div>
  );
}
