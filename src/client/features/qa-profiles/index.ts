// Public surface of the QA profiles feature (issue 30): the profiles view (list, editor, delete,
// export and import) and the picker that chooses the profile a lookup is checked against.
export { QaProfilesPanel } from './components/QaProfilesPanel';
export { ProfilePicker, useChosenProfile, type ChosenProfile } from './components/ProfilePicker';
