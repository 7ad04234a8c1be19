import type { Metadata } from 'next';
import { Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { formatter, type Translate } from '@/lib/i18n';
import { getManagementMandate } from '@/lib/management/get-management-mandate';
import type { ManagementMandate } from '@/lib/management/records';
import { networkPageContext, orNotFound } from '../../_lib/load';
import { MandateWarning } from '../../_components/mandate-warning';
import { ManagementMandateDialog } from './management-form';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId } = await params;
  const { t } = await networkPageContext(networkId, `/networks/${networkId}/management`);
  return { title: t('management.title') };
}

/**
 * The network management's mandate (concept 3): who gave it which resources,
 * authority and tasks, until when; a warning when it is about to end; earlier
 * versions below. Every member reads it; managers and representatives record
 * changes (a new version, in the activity log).
 */
export default async function ManagementMandatePage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/management`);
  const { current, history, abilities } = await orNotFound(getManagementMandate(db, actor, networkId));
  const f = formatter(locale);

  return (
    <>
      <PageHeader
        title={t('management.title')}
        description={t('management.intro')}
        actions={
          abilities.set ? (
            <ManagementMandateDialog
              networkId={networkId}
              label={current ? t('management.edit') : t('management.set')}
              initial={
                current
                  ? {
                      givenBy: current.givenBy,
                      resources: current.resources,
                      authority: current.authority,
                      tasks: current.tasks,
                      validFrom: current.validFrom,
                      validUntil: current.validUntil,
                      note: current.note,
                    }
                  : null
              }
            />
          ) : undefined
        }
      />
      {!current ? (
        <EmptyState title={t('management.none.title')} description={t('management.none.body')} />
      ) : (
        <div className="grid gap-6">
          <MandateWarning mandate={current} t={t} f={f} />
          <Card
            title={t('management.validity', {
              from: f.date(current.validFrom, 'long'),
              until: f.date(current.validUntil, 'long'),
            })}
            id="mandate-current"
          >
            <MandateDetails mandate={current} t={t} f={f} />
          </Card>
          {history.length > 1 ? (
            <Card title={t('management.history')} id="mandate-history">
              <ul className="space-y-3">
                {history.slice(1).map((m) => (
                  <li key={m.id}>
                    <details>
                      <summary className="cursor-pointer">
                        {t('management.setBy', { version: m.version, name: m.setBy.name, when: f.dateTime(m.setAt) })}
                      </summary>
                      <div className="mt-2">
                        <MandateDetails mandate={m} t={t} f={f} />
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}

type F = ReturnType<typeof formatter>;

function MandateDetails({ mandate: m, t, f }: { mandate: ManagementMandate; t: Translate; f: F }) {
  return (
    <div data-testid="management-mandate">
      <dl className="grid gap-3">
        <div>
          <dt className="text-sm font-semibold text-stone-600">{t('management.givenBy')}</dt>
          <dd>{m.givenBy}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-stone-600">{t('management.resources')}</dt>
          <dd>
            {m.resources.length === 0 ? (
              t('management.noResources')
            ) : (
              <ul className="list-disc pl-5">
                {m.resources.map((r) => (
                  <li key={`${r.unit}-${r.per}`}>
                    {t('management.resource', {
                      amount: t(`cooperation.amount.${r.unit}`, { amount: r.amount }),
                      per: r.per,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-stone-600">{t('management.authority')}</dt>
          <dd className="whitespace-pre-line">{m.authority}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-stone-600">{t('management.tasks')}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {m.tasks.map((task) => (
                <li key={task}>{task}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-stone-600">
            {t('management.validFrom')} – {t('management.validUntil')}
          </dt>
          <dd>
            {t('management.validity', { from: f.date(m.validFrom, 'long'), until: f.date(m.validUntil, 'long') })} ·{' '}
            {t('management.state', {
              state: m.state,
              days: Math.max(0, m.daysLeft),
              from: f.date(m.validFrom),
              until: f.date(m.validUntil),
            })}
          </dd>
        </div>
        {m.note ? (
          <div>
            <dt className="text-sm font-semibold text-stone-600">{t('management.note')}</dt>
            <dd className="whitespace-pre-line">{m.note}</dd>
          </div>
        ) : null}
      </dl>
      <p className="text-sm text-stone-700">
        {t('management.setBy', { version: m.version, name: m.setBy.name, when: f.dateTime(m.setAt) })}
      </p>
    </div>
  );
}
