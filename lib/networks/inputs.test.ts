import { describe, expect, it } from 'vitest';
import { validate } from '../core/validate';
import { AppError } from '../errors';
import { ZCreateInvitation } from './create-invitation';
import { ZCreateOrganisation } from './create-organisation';

describe('input validation', () => {
  it('a website must be an http(s) address, so no script links get in', () => {
    const base = { name: 'Org', kind: 'ngo' as const };
    expect(ZCreateOrganisation.safeParse({ ...base, website: 'https://example.org' }).success).toBe(true);
    expect(ZCreateOrganisation.safeParse({ ...base, website: '' }).success).toBe(true);
    expect(ZCreateOrganisation.safeParse({ ...base, website: 'javascript:alert(1)' }).success).toBe(false);
    expect(ZCreateOrganisation.safeParse({ ...base, website: 'data:text/html,x' }).success).toBe(false);
  });

  it('an invitation email is trimmed and lower-cased, and a bad one is refused', () => {
    expect(ZCreateInvitation.parse({ role: 'observer', email: '  Ada@Example.ORG ' }).email).toBe('ada@example.org');
    expect(ZCreateInvitation.safeParse({ role: 'observer', email: 'not-an-email' }).success).toBe(false);
    expect(ZCreateInvitation.safeParse({ role: 'owner' }).success).toBe(false);
  });

  it('a command refuses bad input with a 400 that names the field', () => {
    try {
      validate(ZCreateOrganisation, { name: 'x', kind: 'ngo' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect(String((err as AppError).vars.details)).toContain('name');
    }
  });
});
