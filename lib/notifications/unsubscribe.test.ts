import { describe, expect, it } from 'vitest';

process.env.NEXTAUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123456789';
const { checkUnsubscribeToken, unsubscribeToken, UNSUBSCRIBE_DAYS } = await import('./unsubscribe');
const { duePeriod } = await import('./digest');

const USER = '3f2b8c1e-5d4a-4b6c-9e8f-0a1b2c3d4e5f';

describe('unsubscribe tokens', () => {
  it('a fresh token names the person and topic', () => {
    const r = checkUnsubscribeToken(unsubscribeToken(USER, 'digest'));
    expect(r).toMatchObject({ ok: true, userId: USER, topic: 'digest' });
  });

  it('an expired token is refused as expired', () => {
    const old = Date.now() - (UNSUBSCRIBE_DAYS + 1) * 86_400_000;
    expect(checkUnsubscribeToken(unsubscribeToken(USER, 'digest', old))).toEqual({ ok: false, reason: 'expired' });
  });

  it('a tampered token is refused as invalid', () => {
    const token = unsubscribeToken(USER, 'digest');
    const [payload, mac] = token.split('.');
    const other = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace(USER, USER.replace('3f', '4f')),
    ).toString('base64url');
    for (const bad of [
      `${other}.${mac}`,
      `${payload}.${mac.slice(0, -2)}xx`,
      `${payload}`,
      `${payload}.${mac}.x`,
      '',
      'garbage',
      `${Buffer.from(`${USER}.digest.99999999999`).toString('base64url')}.${mac}`,
    ])
      expect(checkUnsubscribeToken(bad)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('when a digest is due', () => {
  const at = (iso: string) => Date.parse(iso);
  const daily = { frequency: 'daily' as const, sendAt: '07:00', weekday: 1, timeZone: 'Europe/Vienna' };
  it('daily: from the chosen local time on, one period per local day', () => {
    expect(duePeriod(daily, at('2026-11-30T05:59:00Z'))).toBeNull(); // 06:59 in Vienna
    expect(duePeriod(daily, at('2026-11-30T06:00:00Z'))).toBe('daily:2026-11-30');
    expect(duePeriod(daily, at('2026-11-30T22:59:00Z'))).toBe('daily:2026-11-30');
    expect(duePeriod(daily, at('2026-11-30T23:30:00Z'))).toBeNull(); // 00:30 on 1 December
    expect(duePeriod({ ...daily, timeZone: 'America/New_York' }, at('2026-11-30T11:59:00Z'))).toBeNull();
    expect(duePeriod({ ...daily, timeZone: 'America/New_York' }, at('2026-11-30T12:00:00Z'))).toBe('daily:2026-11-30');
  });
  it('weekly: only on the chosen weekday; off: never', () => {
    const weekly = { ...daily, frequency: 'weekly' as const, weekday: 1 };
    expect(duePeriod(weekly, at('2026-11-30T08:00:00Z'))).toBe('weekly:2026-11-30'); // a Monday
    expect(duePeriod(weekly, at('2026-12-01T08:00:00Z'))).toBeNull();
    expect(duePeriod({ ...daily, frequency: 'off' }, at('2026-11-30T08:00:00Z'))).toBeNull();
  });
});
