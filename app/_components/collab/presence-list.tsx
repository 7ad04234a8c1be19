'use client';

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from '@/app/_components/providers';
import { fallbackColor, presenceFrom, type Presence } from './identity';

/** Who is here now: the stamped identities in the awareness, you first. */
export function PresenceList({
  awareness,
  self,
}: {
  awareness: Awareness | null;
  self: { name: string; organisation: string | null };
}) {
  const { t } = useI18n();
  const [people, setPeople] = useState<Presence[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () =>
      setPeople(
        presenceFrom(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID).filter(
          (p) => !p.isSelf,
        ),
      );
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  const label = (name: string, organisation: string | null | undefined) =>
    organisation ? t('collab.presence.person', { name, organisation }) : t('collab.presence.personNoOrg', { name });

  return (
    <section aria-labelledby="presence-title" className="text-sm">
      <h2 id="presence-title" className="mb-2 font-semibold text-stone-900">
        {t('collab.presence.title')}{' '}
        <span className="font-normal text-stone-700">({t('collab.presence.count', { count: people.length + 1 })})</span>
      </h2>
      <ul className="flex flex-col gap-1.5" data-testid="presence">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block size-3 rounded-full bg-stone-500" />
          <span>
            {label(self.name, self.organisation)} <span className="text-stone-700">– {t('collab.presence.you')}</span>
          </span>
        </li>
        {people.map((p) => (
          <li key={p.clientId} className="flex items-center gap-2" data-presence-name={p.user.name}>
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full"
              style={{ backgroundColor: p.user.color ?? fallbackColor(p.clientId) }}
            />
            <span>{label(p.user.name, p.user.organisation)}</span>
          </li>
        ))}
      </ul>
      {people.length === 0 ? <p className="mt-2 text-stone-700">{t('collab.presence.alone')}</p> : null}
    </section>
  );
}
