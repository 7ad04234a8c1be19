import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dictionary, LOCALES, t } from '../i18n';
import { ACTIVITY_AUDIENCES } from '../policies/activity';
import { ACCESS_KINDS, ACTIVITY_KINDS, CATALOG, messageKey } from './catalog';
import { activityText, activityWords } from './words';

/** The ICU argument names a message uses. */
function argumentsOf(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        names.add(el.value);
        for (const o of Object.values(el.options)) walk(o.value);
      }
    }
  };
  walk(parse(message));
  return names;
}

describe('the activity catalog', () => {
  it.each(ACTIVITY_KINDS)('%s declares payload, audience, access, link and words in both languages', (kind) => {
    const spec = CATALOG[kind];
    // payload: a zod schema its example satisfies
    expect(spec.payload, 'payload').toBeInstanceOf(z.ZodType);
    expect(spec.payload.safeParse(spec.example).success, 'example matches the payload').toBe(true);
    // who may see it: an audience the policies define
    expect(Object.keys(ACTIVITY_AUDIENCES), 'audience').toContain(spec.audience);
    // whether it changes access
    expect(['none', 'network', 'sessions'], 'access').toContain(spec.access);
    // the page it links to
    const href = spec.link({ networkId: 'n1', subjectId: 's1', data: spec.example as Record<string, unknown> });
    expect(href, 'link').toMatch(/^\/[a-z]/);
    expect(href).not.toContain('undefined');
    // its words: a message in each language, whose arguments all come from the payload (or the actor)
    const key = messageKey(kind);
    const fields = new Set(['actor', ...Object.keys((spec.payload as unknown as z.ZodObject).shape)]);
    for (const locale of LOCALES) {
      const message = dictionary(locale)[key];
      expect(message, `${locale} ${key}`).toBeTypeOf('string');
      for (const arg of argumentsOf(message)) expect(fields, `${locale} ${key}: {${arg}}`).toContain(arg);
      const text = activityText((k, v) => t(locale, k, v), {
        words: activityWords({ kind, networkId: 'n1', subjectId: 's1', data: spec.example as Record<string, unknown> }),
        actorName: 'Ada',
      });
      expect(text, `${locale} ${key} rendered`).not.toMatch(/[{}]|activity\./);
      expect(text).not.toContain(kind);
      // dates in the reader's words, never as stored (YYYY-MM-DD) or as a number of milliseconds
      expect(text, `${locale} ${key}: a raw date`).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{9,}/);
    }
  });

  it('the access-changing kinds are the ones the realtime server acts on', () => {
    expect([...ACCESS_KINDS].sort()).toEqual(
      [
        'account.passwordChanged',
        'account.passwordReset',
        'account.signedOutEverywhere',
        'member.joined',
        'member.removed',
        'member.role_changed',
        'organisation.status_changed',
        // A meeting's state decides who may write its document (lib/policies/meeting.ts).
        'meeting.updated',
        'meeting.cancelled',
        'meeting.started',
        'meeting.ended',
        'meeting.published',
      ].sort(),
    );
  });

  it('a row whose payload does not match its kind is shown with the fallback words, never its kind', () => {
    const w = activityWords({ kind: 'goal.created', networkId: 'n1', subjectId: 'g1', data: { nope: 1 } });
    expect(w.key).toBe('activity.fallback');
    expect(w.href).toBe('/networks/n1/goals/g1');
    const unknown = activityWords({ kind: 'made.up', networkId: 'n1', subjectId: null, data: {} });
    expect(unknown.key).toBe('activity.fallback');
    expect(activityText((k, v) => t('de', k, v), { words: unknown, actorName: null })).toBe(
      'Jemand hat etwas geändert',
    );
  });

  it('no code writes activity rows except record()', () => {
    const root = path.resolve(__dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts')) {
          if (/INSERT INTO activity\b/i.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(root, p));
        }
      }
    };
    for (const dir of ['lib', 'app', 'server', 'scripts']) walk(path.join(root, dir));
    expect(offenders).toEqual(['lib/activity/record.ts']);
  });
});
