import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { qaProfilesQuery } from '../../../api/qa-profiles';
import formStyles from '../../../components/form.module.css';
import { Notice } from '../../../components/Notice';
import type { QaProfile } from '../../../../shared/checks/qa-profile';
import styles from './QaProfiles.module.css';

// The chosen profile's state: none chosen, being read, found, or named but not there.
export type ChosenProfile =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'found'; profile: QaProfile }
  | { kind: 'missing'; id: string; reason: string };

export function useChosenProfile(id: string): ChosenProfile {
  const profiles = useQuery({ ...qaProfilesQuery, enabled: id !== '' });
  if (id === '') return { kind: 'none' };
  if (profiles.isPending) return { kind: 'loading' };
  if (profiles.isError)
    return { kind: 'missing', id, reason: `the profiles could not be read (${profiles.error.message})` };
  const profile = profiles.data.profiles.find((candidate) => candidate.id === id);
  return profile
    ? { kind: 'found', profile }
    : { kind: 'missing', id, reason: 'no profile has this id (it may have been deleted)' };
}

// Which QA profile the lookup is checked against; the choice lives in the address (?expect=).
export function ProfilePicker({
  chosenId,
  chosen,
  onChoose,
}: {
  chosenId: string;
  chosen: ChosenProfile;
  onChoose: (id: string) => void;
}) {
  const id = useId();
  const profiles = useQuery(qaProfilesQuery);
  const list = profiles.data?.profiles ?? [];
  // A server without a store has no profiles: nothing to pick, so nothing shown.
  if (profiles.isError && chosen.kind === 'none') return null;
  return (
    <div className={formStyles.field}>
      <div className={styles.picker}>
        <label className={formStyles.label} htmlFor={id}>
          Check against
        </label>
        <select
          id={id}
          className={formStyles.input}
          value={chosenId}
          onChange={(event) => onChoose(event.target.value)}
        >
          <option value="">No QA profile</option>
          {list.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
          {chosen.kind === 'missing' && <option value={chosenId}>{chosenId} (not found)</option>}
        </select>
      </div>
      {chosen.kind === 'missing' && (
        <Notice tone="warning" role="alert">
          The answer is not checked: the profile <code>{chosen.id}</code> in the address cannot be used,{' '}
          {chosen.reason}.
        </Notice>
      )}
    </div>
  );
}
