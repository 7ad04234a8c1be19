import { translator } from '@/lib/i18n';
import { requestLocale } from './_lib/locale';

export default async function Home() {
  const t = translator(await requestLocale());
  return (
    <main id="main" className="mx-auto max-w-3xl p-6">
      <h1 className="text-3xl font-semibold">{t('app.name')}</h1>
      <p className="mt-2 text-stone-700">{t('app.tagline')}</p>
    </main>
  );
}
