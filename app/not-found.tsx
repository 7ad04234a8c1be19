import type { Metadata } from 'next';
import { getSessionUser } from '@/lib/auth/session';
import { translator } from '@/lib/i18n';
import { LinkButton, PageHeader } from './_components/ui';
import { getI18n, requestLocale } from './_lib/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('ui.notFound.title') };
}

/**
 * Every address that leads nowhere (and every notFound() without a nearer
 * not-found.tsx): in the person's language, inside the site's frame, with a
 * way on.
 */
export default async function NotFound() {
  const [{ t }, user] = await Promise.all([getI18n(), getSessionUser()]);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('ui.notFound.title')} description={t('ui.notFound.text')} />
      {user ? (
        <LinkButton href="/networks">{t('ui.notFound.networks')}</LinkButton>
      ) : (
        <LinkButton href="/">{t('ui.notFound.home')}</LinkButton>
      )}
    </div>
  );
}
