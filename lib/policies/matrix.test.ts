import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsWithoutCase, cell, MATRIX_CASES, MATRIX_ROLES, permissionsMarkdown } from './matrix';
import { POLICIES } from './index';

const caseOf = (subject: string, action: string, on?: string) => {
  const c = MATRIX_CASES.find((x) => x.subject === subject && x.action === action && (!on || x.on.includes(on)));
  if (!c) throw new Error(`no case ${subject}.${action}`);
  return c;
};
const row = (subject: string, action: string, on?: string) =>
  Object.fromEntries(MATRIX_ROLES.map((r) => [r, cell(r, caseOf(subject, action, on))]));

describe('the permission matrix', () => {
  it('docs/permissions.md is the matrix the policies give now (run `npm run docs:permissions` when this fails)', () => {
    const file = path.resolve(import.meta.dirname, '../../docs/permissions.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(permissionsMarkdown());
  });

  it('asks every action of every policy, and only actions that exist', () => {
    expect(actionsWithoutCase()).toEqual([]);
    for (const c of MATRIX_CASES) {
      const p = POLICIES.find((x) => x.subject === c.subject);
      expect(p, c.subject).toBeTruthy();
      expect(p!.actionNames as readonly string[], `${c.subject}.${c.action}`).toContain(c.action);
    }
  });

  it('signed out is 401 and a non-member 404 in every cell', () => {
    for (const c of MATRIX_CASES) {
      expect(cell('anonymous', c)).toBe(401);
      expect(cell('nonMember', c)).toBe(404);
    }
  });

  it('the other side answers an entry, the recording side corrects it, a manager answers for the network', () => {
    expect(row('ledgerEntry', 'confirm', 'given to B')).toMatchObject({ repB: 'allowed', repA: 403, manager: 403 });
    expect(row('ledgerEntry', 'correct')).toMatchObject({ repA: 'allowed', repB: 403, manager: 403 });
    expect(row('ledgerEntry', 'confirm', 'network as a whole')).toMatchObject({ manager: 'allowed', repA: 403 });
  });

  it('a gift beyond the mandate is decided by the recording organisation’s home members only', () => {
    for (const action of ['approveHome', 'declineHome'])
      expect(row('ledgerEntry', action)).toMatchObject({
        homeA: 'allowed',
        repA: 403,
        repB: 403,
        manager: 403,
      });
  });

  it('a home space is read by its own organisation only; other members get 403, not read-only', () => {
    expect(row('document', 'read', 'home')).toMatchObject({
      repA: 'allowed',
      homeA: 'allowed',
      manager: 403,
      repB: 403,
    });
    expect(row('document', 'write', 'commons')).toMatchObject({ repB: 'allowed', observer: 'read-only' });
  });
});
