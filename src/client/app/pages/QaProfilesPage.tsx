import { QaProfilesPanel } from '../../features/qa-profiles';
import { expectLink } from '../../lib/address-bar';

// The QA profiles tab (?view=profiles): the team's profiles; each links to the lookup checked
// against it.
export function QaProfilesPage() {
  return <QaProfilesPanel checkLink={expectLink} />;
}
