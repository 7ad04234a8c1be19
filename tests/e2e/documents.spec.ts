import { translator } from '../../lib/i18n';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { partnerNetwork } from './setup';

/**
 * Server-written documents and document locks in two browsers (issue 8 §3,
 * issue 12 §5): a restore is a server command whose text reaches both open
 * editors (neither browser wrote it) together with the version's title and
 * "why"; a manager locks a goal text with a reason, the partner (in German, at
 * 390 px) sees the calm banner live and cannot edit, and the unlock frees it.
 */

test('a restored version is written by the server and reaches both browsers, title and why included', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const t = translator('en');
  const { repA, repB, networkId, orgB } = await partnerNetwork(
    createUser,
    ['Rita Owner', 'Raul Alpha', 'Rosa Beta'],
    ['Restore Alpha', 'Restore Beta'],
  );
  const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Kitchen plan',
    whyTogether: 'Neither of us has a kitchen',
    organisationIds: [orgB],
  });
  expect(goal.status, goal.text).toBe(201);
  const goalId = goal.json.goal.id;
  // Version 2: a text kept on the server only (the shared document never held it).
  const kept = await repA.api.put(`/api/networks/${networkId}/goals/${goalId}/text`, { description: 'First idea.' });
  expect(kept.status, kept.text).toBe(200);
  const changed = await repA.api.patch(`/api/networks/${networkId}/goals/${goalId}`, {
    title: 'Kitchen plan (draft)',
    whyTogether: 'Changed our minds',
  });
  expect(changed.status, changed.text).toBe(200);

  const url = `/networks/${networkId}/goals/${goalId}`;
  const a = await signedInPageFor(repA);
  const b = await signedInPageFor(repB);
  await a.goto(url);
  await b.goto(url);
  const editorA = a.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  const editorB = b.getByRole('textbox', { name: t('cooperation.text.editorLabel') });
  await expect(editorA).toHaveAttribute('contenteditable', 'true');
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  await editorB.click();
  await editorB.pressSequentially('Typed by B.', { delay: 10 });
  await expect(editorA).toContainText('Typed by B.');

  await a.getByRole('button', { name: t('cooperation.revisions.compare', { version: 2 }) }).click();
  await a
    .getByTestId('revision-compare')
    .getByRole('button', { name: t('cooperation.revisions.restoreText', { version: 2 }) })
    .click();
  await expect(a.getByText(t('cooperation.revisions.restored', { version: 2 }))).toBeVisible();
  for (const [page, editor] of [
    [a, editorA],
    [b, editorB],
  ] as const) {
    // (A remote caret, with its name, may sit at the end of the text.)
    await expect(editor).toContainText('First idea.');
    await expect(editor).not.toContainText('Typed by B.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kitchen plan');
  }
  await expect(a.getByTestId('revisions')).toContainText(t('cooperation.revisions.restoredFrom', { version: 2 }));
  const revs = await repB.api.get(`/api/networks/${networkId}/goals/${goalId}/revisions`);
  expect(revs.json.revisions[0]).toMatchObject({ version: 4, restoredFrom: 2 });
  expect(revs.json.revisions[0].snapshot).toMatchObject({
    title: 'Kitchen plan',
    whyTogether: 'Neither of us has a kitchen',
    description: 'First idea.',
  });
  // The client can no longer claim "restored from" for a text of its own.
  const claim = await repB.api.put(`/api/networks/${networkId}/goals/${goalId}/text`, {
    description: 'Mine',
    restoredFrom: 1,
  });
  expect(claim.status).toBe(400);
  await expectNoAxeViolations(a, { exclude: ['.ProseMirror-yjs-cursor'] });
});

test('a manager locks a goal text with a reason: the partner sees it live and cannot edit, until the unlock', async ({
  createUser,
  signedInPageFor,
}) => {
  test.setTimeout(180_000);
  const en = translator('en');
  const de = translator('de');
  const { manager, repA, repB, networkId, orgB } = await partnerNetwork(
    createUser,
    ['Lena Lock', 'Lars Alpha', 'Luisa Beta'],
    ['Lock Alpha', 'Lock Beta'],
  );
  const goal = await repA.api.post(`/api/networks/${networkId}/goals`, {
    title: 'Agreed wording',
    organisationIds: [orgB],
  });
  expect(goal.status, goal.text).toBe(201);
  const url = `/networks/${networkId}/goals/${goal.json.goal.id}`;
  const m = await signedInPageFor(manager);
  const b = await signedInPageFor(repB, { locale: 'de-DE' });
  await b.setViewportSize({ width: 390, height: 844 });
  await m.goto(url);
  await b.goto(url);
  // The partner reads in German (the account's language, switched in the header).
  await b.getByRole('button', { name: /Deutsch/ }).click();
  const editorB = b.getByRole('textbox', { name: de('cooperation.text.editorLabel') });
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  // Only managers are offered the lock.
  await expect(b.getByRole('button', { name: de('documents.lock.lock') })).toHaveCount(0);

  await m.getByRole('button', { name: en('documents.lock.lock') }).click();
  const dialog = m.getByRole('dialog', { name: en('documents.lock.dialogTitle') });
  await dialog.getByLabel(en('documents.lock.reason')).fill('Agreed at the meeting');
  await expectNoAxeViolations(m, { exclude: ['.ProseMirror-yjs-cursor'] });
  await dialog.getByRole('button', { name: en('documents.lock.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(m.getByTestId('document-lock')).toContainText('Locked by Lena Lock until');
  await expect(m.getByTestId('document-lock')).toContainText('Agreed at the meeting');

  // Live in the partner's browser, in German, without a reload.
  await expect(b.getByTestId('document-lock')).toContainText('Gesperrt von Lena Lock bis');
  await expect(b.getByTestId('document-lock')).toContainText('Agreed at the meeting');
  await expect(editorB).toHaveAttribute('contenteditable', 'false');
  await expectNoAxeViolations(b, { exclude: ['.ProseMirror-yjs-cursor'] });

  await m.getByRole('button', { name: en('documents.lock.unlock') }).click();
  await expect(b.getByTestId('document-lock')).toHaveCount(0);
  await expect(editorB).toHaveAttribute('contenteditable', 'true');
  await editorB.click();
  await editorB.pressSequentially('Free again.', { delay: 10 });
  await expect(m.getByRole('textbox', { name: en('cooperation.text.editorLabel') })).toContainText('Free again.');
});
