import { Hono, type Context } from 'hono';
import {
  QaProfileExportSchema,
  QaProfileInputSchema,
  type QaProfile,
  type QaProfileExport,
  type QaProfileInput,
} from '../../shared/checks/qa-profile';
import {
  describeIssues,
  type QaProfileImported,
  type QaProfileList,
} from '../../shared/checks/qa-profile-api';
import type { AppEnv } from '../app-env';
import { respondWithProxyError } from '../proxy-error-response';
import type { Store } from '../store/store';

// /api/qa-profiles: the team's QA profiles (issue 30), for signed-in users like the rest of the
// API. Every body is parsed with the contract's schemas (shared/checks/qa-profile.ts), and a
// refusal names each bad field. Creating, changing, deleting and importing are audited.

const NO_STORE =
  'QA profiles live in the inspector’s store, and this server runs without one: start it with its store (DATA_DIR or DATABASE_URL).';
const STORE_DOWN = 'The store that holds QA profiles cannot be reached right now; try again in a moment.';
const NOT_FOUND = 'There is no QA profile with this id (it may have been deleted).';
const NOT_JSON = 'The body is not JSON: send a QA profile as a JSON object.';

export function qaProfilesRoutes(store: Store | undefined) {
  // Each handler's store work, with the store's absence and failure answered alike.
  async function withStore<T>(c: Context<AppEnv>, work: (store: Store) => Promise<T>) {
    if (!store) return { refused: respondWithProxyError(c, 'STORE_UNAVAILABLE', NO_STORE) };
    try {
      return { done: await work(store) };
    } catch {
      return { refused: respondWithProxyError(c, 'STORE_UNAVAILABLE', STORE_DOWN) };
    }
  }

  function audit(c: Context<AppEnv>, action: string, profile: QaProfile) {
    c.get('log').info(
      {
        audit: `qa_profile.${action}`,
        user: c.get('user'),
        qa_profile_id: profile.id,
        qa_profile_name: profile.name,
      },
      `QA profile ${action}d`,
    );
  }

  return (
    new Hono<AppEnv>()
      .get('/', async (c) => {
        const listed = await withStore(c, (s) => s.qaProfiles.list());
        if ('refused' in listed) return listed.refused;
        const answer: QaProfileList = { profiles: listed.done };
        return c.json(answer);
      })
      .post('/', async (c) => {
        const input = await readProfile(c);
        if ('refused' in input) return input.refused;
        const created = await withStore(c, (s) => s.qaProfiles.create(input.data, c.get('user')));
        if ('refused' in created) return created.refused;
        audit(c, 'create', created.done);
        return c.json(created.done, 201);
      })
      // The export file: every profile without its id, to import into this or another inspector.
      .get('/export', async (c) => {
        const listed = await withStore(c, (s) => s.qaProfiles.list());
        if ('refused' in listed) return listed.refused;
        const file: QaProfileExport = {
          kind: 'link-token-inspector/qa-profiles',
          version: 1,
          profiles: listed.done.map(toInput),
        };
        c.header('Content-Disposition', 'attachment; filename="qa-profiles.json"');
        return c.json(file);
      })
      // An export file (or one profile) becomes new profiles, all or none: a file with any bad
      // field creates nothing and says which.
      .post('/import', async (c) => {
        const json = await readJson(c);
        if ('refused' in json) return json.refused;
        const isFile = typeof json.data === 'object' && json.data !== null && 'kind' in json.data;
        const parsed = isFile
          ? QaProfileExportSchema.safeParse(json.data)
          : QaProfileInputSchema.safeParse(json.data);
        if (!parsed.success)
          return respondWithProxyError(
            c,
            'INVALID_BODY',
            `This is not a QA profiles file the inspector can import (${describeIssues(parsed.error)}). Nothing was imported.`,
          );
        const inputs = 'profiles' in parsed.data ? parsed.data.profiles : [parsed.data];
        const created = await withStore(c, (s) => s.qaProfiles.createMany(inputs, c.get('user')));
        if ('refused' in created) return created.refused;
        for (const profile of created.done) audit(c, 'create', profile);
        const answer: QaProfileImported = { created: created.done };
        return c.json(answer, 201);
      })
      .get('/:id', async (c) => {
        const found = await withStore(c, (s) => s.qaProfiles.get(c.req.param('id')));
        if ('refused' in found) return found.refused;
        if (!found.done) return respondWithProxyError(c, 'NOT_FOUND', NOT_FOUND);
        return c.json(found.done);
      })
      .put('/:id', async (c) => {
        const input = await readProfile(c);
        if ('refused' in input) return input.refused;
        const updated = await withStore(c, (s) =>
          s.qaProfiles.update(c.req.param('id'), input.data, c.get('user')),
        );
        if ('refused' in updated) return updated.refused;
        if (!updated.done) return respondWithProxyError(c, 'NOT_FOUND', NOT_FOUND);
        audit(c, 'update', updated.done);
        return c.json(updated.done);
      })
      .delete('/:id', async (c) => {
        const id = c.req.param('id');
        const found = await withStore(c, async (s) => {
          const profile = await s.qaProfiles.get(id);
          return profile && (await s.qaProfiles.remove(id)) ? profile : undefined;
        });
        if ('refused' in found) return found.refused;
        if (!found.done) return respondWithProxyError(c, 'NOT_FOUND', NOT_FOUND);
        audit(c, 'delete', found.done);
        return c.json(found.done);
      })
  );
}

function toInput(profile: QaProfile): QaProfileInput {
  const { name, description, expectations } = profile;
  return description === undefined ? { name, expectations } : { name, description, expectations };
}

async function readJson(c: Context<AppEnv>): Promise<{ data: unknown } | { refused: Response }> {
  try {
    return { data: (await c.req.json()) as unknown };
  } catch {
    return { refused: respondWithProxyError(c, 'INVALID_BODY', NOT_JSON) };
  }
}

async function readProfile(c: Context<AppEnv>): Promise<{ data: QaProfileInput } | { refused: Response }> {
  const json = await readJson(c);
  if ('refused' in json) return { refused: json.refused };
  const parsed = QaProfileInputSchema.safeParse(json.data);
  if (!parsed.success)
    return {
      refused: respondWithProxyError(
        c,
        'INVALID_BODY',
        `This QA profile cannot be kept: ${describeIssues(parsed.error)}.`,
      ),
    };
  return { data: parsed.data };
}
