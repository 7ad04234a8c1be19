import { describe, expect, it } from 'vitest';
import { matrixActor } from './matrix';
import { commentPolicy } from './comment';

const NET = '00000000-0000-4000-8000-000000000001';
const byRepA = { networkId: NET, authorId: 'u-repA', hidden: false, deleted: false };

describe('the comment policy', () => {
  it('managers hide and restore but never edit or delete others’ words', () => {
    const m = matrixActor('manager');
    expect(commentPolicy.abilities(m, byRepA)).toMatchObject({
      edit: false,
      delete: false,
      hide: true,
      restore: false,
    });
    expect(commentPolicy.abilities(m, { ...byRepA, hidden: true })).toMatchObject({
      hide: false,
      restore: true,
      seeHidden: true,
    });
  });

  it('the author edits and deletes their own, sees it hidden, but cannot restore it', () => {
    const a = matrixActor('repA');
    expect(commentPolicy.abilities(a, byRepA)).toMatchObject({ edit: true, delete: true, hide: false });
    expect(commentPolicy.abilities(a, { ...byRepA, hidden: true })).toMatchObject({
      edit: false,
      seeHidden: true,
      restore: false,
    });
  });

  it('others see no hidden comment; observers write none; strangers nothing', () => {
    expect(commentPolicy.can(matrixActor('repB'), 'seeHidden', { ...byRepA, hidden: true })).toBe(false);
    expect(commentPolicy.can(matrixActor('observer'), 'create', { networkId: NET, authorId: null })).toBe(false);
    expect(commentPolicy.can(matrixActor('adviser'), 'create', { networkId: NET, authorId: null })).toBe(true);
    expect(commentPolicy.can(matrixActor('nonMember'), 'create', { networkId: NET, authorId: null })).toBe(false);
  });
});
