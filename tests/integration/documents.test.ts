import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../helpers/api-client';
import { german, join, networkWithOrganisations, person } from '../helpers/people';
import { t } from '@/lib/i18n';

/**
 * Restoring a goal version (a server command that writes the shared document)
 * and document locks, against the real running app: the answers, the refusals
 * in the person's language, nothing written on bad input.
 */

describe('restore and document locks API', () => {
  let manager: ApiClient;
  let repA: ApiClient;
  let networkId: string;
  let goalId: string;
  const base = () => `/api/networks/${networkId}`;

  beforeAll(async () => {
    manager = await person('Mona Manager');
    repA = await person('Rudi Alpha');
    const made = await networkWithOrganisations(
      manager,
      { name: 'Dokumentnetz', purpose: 'Sperren und Fassungen' },
      { alpha: 'Alpha e. V.' },
    );
    networkId = made.networkId;
    await join(manager, networkId, repA, 'representative', made.orgs.alpha);
    const goal = await repA.post(`${base()}/goals`, {
      title: 'Gemeinsame Küche',
      whyTogether: 'Keiner hat allein eine Küche',
      organisationIds: [made.orgs.alpha],
    });
    expect(goal.status, goal.text).toBe(201);
    goalId = goal.json.goal.id;
    expect((await repA.put(`${base()}/goals/${goalId}/text`, { description: 'Erste Idee.' })).status).toBe(200);
    expect((await repA.patch(`${base()}/goals/${goalId}`, { title: 'Küche, umbenannt' })).status).toBe(200);
  });

  it('restores title, why and text as a new version; the client cannot claim “restored from”', async () => {
    const res = await repA.post(`${base()}/goals/${goalId}/revisions/2/restore`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.goal).toMatchObject({ version: 4, title: 'Gemeinsame Küche', description: 'Erste Idee.' });
    expect(res.json.goal.abilities.restoreVersion).toBe(true);
    const revs = await repA.get(`${base()}/goals/${goalId}/revisions`);
    expect(revs.json.revisions[0]).toMatchObject({ version: 4, restoredFrom: 2 });

    const claim = await repA.put(`${base()}/goals/${goalId}/text`, { description: 'Meins', restoredFrom: 1 });
    expect(claim.status).toBe(400);
    const missing = await german(repA).post(`${base()}/goals/${goalId}/revisions/99/restore`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe(t('de', 'cooperation.errors.revisionNotFound'));
    expect((await repA.post(`${base()}/goals/${goalId}/revisions/abc/restore`)).status).toBe(404);
    const after = await repA.get(`${base()}/goals/${goalId}/revisions`);
    expect(after.json.revisions).toHaveLength(4);
  });

  it('a manager locks and unlocks; bad input is refused in the person’s words; the lock blocks a restore', async () => {
    const doc = `commons.${networkId}`;
    const none = await repA.get(`${base()}/document-locks?doc=${doc}`);
    expect(none.json).toMatchObject({ locks: [], abilities: { lock: false, unlock: false } });
    const refused = await repA.post(`${base()}/document-locks`, {
      doc,
      part: 'notes',
      reason: 'Nicht ich',
      endsAt: Date.now() + 60_000,
    });
    expect(refused.status).toBe(403);
    const short = await manager.post(`${base()}/document-locks`, {
      doc,
      part: `goals/${goalId}`,
      reason: 'x',
      endsAt: Date.now() + 60_000,
    });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toBe(t('en', 'documents.errors.reason'));
    const past = await manager.post(`${base()}/document-locks`, {
      doc,
      part: `goals/${goalId}`,
      reason: 'Abgestimmt',
      endsAt: Date.now() - 1,
    });
    expect(past.status).toBe(400);
    const typed = await manager.post(`${base()}/document-locks`, { doc, part: 'notes', reason: 'Abgestimmt' });
    expect(typed.status).toBe(400);
    expect(Object.keys(typed.json.error.fields ?? {})).toContain('endsAt');

    const made = await manager.post(`${base()}/document-locks`, {
      doc,
      part: `goals/${goalId}`,
      reason: 'Abgestimmt in der Sitzung',
      endsAt: Date.now() + 3600_000,
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json.lock).toMatchObject({
      active: true,
      reason: 'Abgestimmt in der Sitzung',
      abilities: { unlock: true },
    });
    const seen = await repA.get(`${base()}/document-locks?doc=${doc}`);
    expect(seen.json.locks).toHaveLength(1);
    expect(seen.json.locks[0]).toMatchObject({ lockedBy: { name: 'Mona Manager' }, abilities: { unlock: false } });

    const blocked = await german(repA).post(`${base()}/goals/${goalId}/revisions/1/restore`);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.message).toBe(t('de', 'documents.errors.textLocked'));

    expect((await repA.delete(`${base()}/document-locks/${made.json.lock.id}`)).status).toBe(403);
    const ended = await manager.delete(`${base()}/document-locks/${made.json.lock.id}`);
    expect(ended.status).toBe(200);
    expect(ended.json.lock.active).toBe(false);
    expect((await manager.delete(`${base()}/document-locks/${made.json.lock.id}`)).status).toBe(409);
    expect((await repA.post(`${base()}/goals/${goalId}/revisions/1/restore`)).status).toBe(200);
  });
});
