import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';
import { translator } from '@/lib/i18n';
import { LinkButton } from './_components/ui';
import { requestLocale } from './_lib/locale';

/** The landing page: what Netzwerkraum is, for people who are signed out; signed in, the networks. */
export default async function Home() {
  if (await getSessionUser()) redirect('/networks');
  const t = translator(await requestLocale());
  const points = [1, 2, 3] as const;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-semibold sm:text-4xl">{t('app.name')}</h1>
      <p className="mt-2 text-xl text-stone-800">{t('app.tagline')}</p>
      <p className="mt-4 text-stone-800">{t('home.lead')}</p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-3">
        {points.map((n) => (
          <li key={n} className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 className="font-semibold text-stone-900">{t(`home.point${n}.title`)}</h2>
            <p className="mt-1 text-stone-700">{t(`home.point${n}.text`)}</p>
          </li>
        ))}
      </ul>
      <p className="mt-8 text-stone-800">{t('home.cta')}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <LinkButton href="/signup">{t('nav.signUp')}</LinkButton>
        <LinkButton href="/signin" variant="secondary">
          {t('nav.signIn')}
        </LinkButton>
      </div>
    </div>
  );
}
