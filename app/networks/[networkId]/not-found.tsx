import { LinkButton, PageHeader } from '@/app/_components/ui';
import { getI18n } from '@/app/_lib/locale';

/** Nothing here in this network, or no access: said in the person's language, with a way on. */
export default async function NetworkNotFound() {
  const { t } = await getI18n();
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('ui.notFound.title')} description={t('ui.notFound.networkText')} />
      <LinkButton href="/networks" variant="secondary">
        {t('ui.notFound.networks')}
      </LinkButton>
    </div>
  );
}
