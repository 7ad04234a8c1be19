import { PageSkeleton } from '@/app/_components/ui';
import { getI18n } from '@/app/_lib/locale';

/**
 * The skeleton a network page shows at once while it loads (the navigation
 * stays). Each section's `loading.tsx` re-exports it. The pages below
 * organisations/[orgId] have none on purpose: a page inside a loading
 * boundary that calls notFound() answers 200 (the page has already begun to
 * stream), and another organisation's home notes must answer 404.
 */
export async function NetworkPageLoading() {
  const { t } = await getI18n();
  return <PageSkeleton label={t('common.loading')} />;
}
