import { lazy } from 'react';

// Public surface of the QA profiles feature (issue 30): the profiles view (list, editor, delete,
// export and import) and the picker that chooses the profile a lookup is checked against. The
// lookup page, in the entry chunk, needs only the picker: the view loads when its tab opens.
export const QaProfilesPanel = lazy(() =>
  import('./components/QaProfilesPanel').then((module) => ({ default: module.QaProfilesPanel })),
);
export { ProfilePicker, useChosenProfile, type ChosenProfile } from './components/ProfilePicker';
