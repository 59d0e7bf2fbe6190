import { lazy, type ComponentProps } from 'react';
import type { QaProfile } from '../../shared/checks/qa-profile';
import { Notice } from '../components/Notice';
import type { ErrorPanel, PastedLogsView, StatusPanel } from '../features/answer';

// The answer feature's panels, which the app hands to the Lookup tab and to pasted logs (features do not import each
// other; docs/architecture.md). They are loaded apart from the entry chunk, which keeps what every
// visit downloads before its first lookup within the size budget; the Lookup tab starts loading
// them when it renders (preloadAnswerPanels), so they are usually there before the first answer.
const loadAnswerFeature = () => import('../features/answer');

// Shown instead of a panel when its code could not be downloaded.
function AnswerUnavailable() {
  return (
    <Notice tone="failure" role="alert">
      The answer could not be loaded: the connection to the inspector may have dropped, or it was updated
      since this page opened. Reload the page and look the token up again.
    </Notice>
  );
}

const unavailable = () => ({ default: AnswerUnavailable });

export const lazyAnswerPanels = {
  StatusPanel: lazy<typeof StatusPanel>(() =>
    loadAnswerFeature().then((module) => ({ default: module.StatusPanel }), unavailable),
  ),
  ErrorPanel: lazy<typeof ErrorPanel>(() =>
    loadAnswerFeature().then((module) => ({ default: module.ErrorPanel }), unavailable),
  ),
  PastedLogsView: lazy<typeof PastedLogsView>(() =>
    loadAnswerFeature().then((module) => ({ default: module.PastedLogsView }), unavailable),
  ),
};

export function preloadAnswerPanels(): void {
  // A failed download is reported where a panel is shown (AnswerUnavailable), not here.
  loadAnswerFeature().catch(() => undefined);
}

// The panels with the status panel checking the answer against a QA profile (issue 30), when one
// is chosen. The check runs inside the answer feature, loaded apart from the entry chunk.
export function checkedAnswerPanels(profile: QaProfile | undefined): typeof lazyAnswerPanels {
  if (!profile) return lazyAnswerPanels;
  const { StatusPanel } = lazyAnswerPanels;
  function CheckedStatusPanel(props: ComponentProps<typeof StatusPanel>) {
    return <StatusPanel {...props} checkAgainst={profile} />;
  }
  return { ...lazyAnswerPanels, StatusPanel: CheckedStatusPanel as unknown as typeof StatusPanel };
}
