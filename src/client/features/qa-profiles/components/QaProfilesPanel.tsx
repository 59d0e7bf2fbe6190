import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { ApiError } from '../../../api/api-error';
import {
  createQaProfile,
  deleteQaProfile,
  exportQaProfiles,
  importQaProfiles,
  qaProfilesQuery,
  updateQaProfile,
} from '../../../api/qa-profiles';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Notice } from '../../../components/Notice';
import text from '../../../components/text.module.css';
import { downloadFile } from '../../../lib/download-file';
import type { QaProfile } from '../../../../shared/checks/qa-profile';
import { expectationLines } from '../lib/expectation-lines';
import { profileToForm } from '../lib/profile-form';
import { ProfileEditor } from './ProfileEditor';
import styles from './QaProfiles.module.css';

type Editing = { kind: 'new' } | { kind: 'edit'; profile: QaProfile } | null;

const failureText = (error: unknown) =>
  error instanceof ApiError ? error.message : 'The server could not be reached.';

// The profiles view: the team's QA profiles, each with what it expects; make, edit and delete
// them, and move them in and out as a JSON file that can live beside a test suite.
export function QaProfilesPanel({ checkLink }: { checkLink: (profileId: string) => string }) {
  const queryClient = useQueryClient();
  const profiles = useQuery(qaProfilesQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'failure'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: qaProfilesQuery.queryKey });

  async function save(input: Parameters<typeof createQaProfile>[0]) {
    const saved =
      editing?.kind === 'edit'
        ? await updateQaProfile(editing.profile.id, input)
        : await createQaProfile(input);
    setEditing(null);
    setMessage({ tone: 'success', text: `Saved “${saved.name}”.` });
    await refresh();
  }

  async function remove(profile: QaProfile) {
    setConfirming(null);
    try {
      await deleteQaProfile(profile.id);
      setMessage({ tone: 'success', text: `Deleted “${profile.name}”.` });
    } catch (error) {
      setMessage({ tone: 'failure', text: `“${profile.name}” was not deleted: ${failureText(error)}` });
    }
    await refresh();
  }

  async function exportAll() {
    try {
      const file = await exportQaProfiles();
      downloadFile('qa-profiles.json', file.text, file.type);
    } catch (error) {
      setMessage({ tone: 'failure', text: `The profiles could not be exported: ${failureText(error)}` });
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage({ tone: 'failure', text: `${file.name} is not JSON: nothing was imported.` });
      return;
    }
    try {
      const { created } = await importQaProfiles(parsed);
      setMessage({
        tone: 'success',
        text: `Imported ${created.length} ${created.length === 1 ? 'profile' : 'profiles'} from ${file.name}.`,
      });
    } catch (error) {
      setMessage({ tone: 'failure', text: failureText(error) });
    }
    await refresh();
  }

  const actions = (
    <>
      <Button size="small" onClick={() => void exportAll()} disabled={!profiles.data?.profiles.length}>
        Export JSON
      </Button>
      <Button size="small" onClick={() => fileInput.current?.click()}>
        Import JSON
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label="QA profiles file to import"
        hidden
        onChange={(event) => void importFile(event)}
      />
    </>
  );

  return (
    <div className={styles.panel}>
      <Card title="QA profiles" actions={actions}>
        <p className={text.hint}>
          A profile says what a link token should be: its configuration and how its Link session should end.
          Pick one on the Lookup tab (or add <code>?expect=&lt;profile id&gt;</code> to the address) and the
          answer starts with a pass/fail check of each expectation. CI calls <code>POST /api/checks</code>{' '}
          with an API key scoped <code>checks:run</code>.
        </p>
        {message && (
          <Notice tone={message.tone} role={message.tone === 'failure' ? 'alert' : 'status'}>
            {message.text}
          </Notice>
        )}
        {editing ? (
          <ProfileEditor
            key={editing.kind === 'edit' ? editing.profile.id : 'new'}
            initial={editing.kind === 'edit' ? profileToForm(editing.profile) : undefined}
            submitLabel={editing.kind === 'edit' ? 'Save changes' : 'Save profile'}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div>
            <Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>
              New profile
            </Button>
          </div>
        )}
      </Card>
      <Card title="Profiles">
        {profiles.isPending && <p className={text.muted}>Loading the profiles…</p>}
        {profiles.isError && (
          <Notice tone="failure" role="alert">
            The profiles could not be read: {profiles.error.message}
          </Notice>
        )}
        {profiles.data?.profiles.length === 0 && (
          <p className={text.muted}>No profiles yet: make one above, or import a file.</p>
        )}
        <ul className={styles.list}>
          {profiles.data?.profiles.map((profile) => (
            <li key={profile.id} className={styles.item} aria-label={profile.name}>
              <h3 className={styles.name}>{profile.name}</h3>
              {profile.description && <p className={text.hint}>{profile.description}</p>}
              <ul className={styles.lines}>
                {expectationLines(profile.expectations).map((line) => (
                  <li key={line} className={text.break}>
                    {line}
                  </li>
                ))}
              </ul>
              <p className={text.muted}>
                <code className={text.break}>{profile.id}</code> · changed by {profile.updated_by}
              </p>
              <div className={styles.actions}>
                <a className={styles.link} href={checkLink(profile.id)}>
                  Check a token with it
                </a>
                <Button size="small" onClick={() => setEditing({ kind: 'edit', profile })}>
                  Edit
                </Button>
                {confirming === profile.id ? (
                  <>
                    <span role="status">Delete “{profile.name}” for everyone?</span>
                    <Button size="small" variant="primary" onClick={() => void remove(profile)}>
                      Yes, delete
                    </Button>
                    <Button size="small" onClick={() => setConfirming(null)}>
                      Keep it
                    </Button>
                  </>
                ) : (
                  <Button size="small" onClick={() => setConfirming(profile.id)}>
                    Delete
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
