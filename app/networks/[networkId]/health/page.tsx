import type { Metadata } from 'next';
import Form from 'next/form';
import { Alert, Button, Card, PageHeader, SelectField, TextField } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { AppError } from '@/lib/errors';
import { getHealth, type Health } from '@/lib/health/get-health';
import type { HealthQueryInput } from '@/lib/health/query';
import { formatter, translator } from '@/lib/i18n';
import { networkPageContext, orNotFound } from '../../_lib/load';
import { HealthView } from './health-view';
import { HEALTH_READY_ID } from './ready';

type Params = Promise<{ networkId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('health.title') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The network's health: structure, exchange map, trends, investment, horizon. Members only. */
export default async function HealthPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { networkId } = await params;
  const sp = await searchParams;
  const { db, actor, t, locale } = await networkPageContext(networkId, `/networks/${networkId}/health`);
  const f = formatter(locale);
  const orgs = sp.organisations;
  const input: HealthQueryInput = {
    unit: one(sp.unit),
    from: one(sp.from),
    to: one(sp.to),
    organisations: orgs ? (Array.isArray(orgs) ? orgs : orgs.split(',')) : undefined,
  };
  let health: Health;
  let problem: string | null = null;
  try {
    health = await orNotFound(getHealth(db, actor, networkId, input));
  } catch (err) {
    // A bad filter in the address shows the default view with the reason, never an error page.
    if (!(err instanceof AppError && err.status === 400)) throw err;
    problem = t(err.key, err.vars);
    health = await orNotFound(getHealth(db, actor, networkId, {}));
  }
  const q = health.query;
  const unitOptions = [
    { value: 'count', label: t('health.filter.count') },
    ...health.units.map((u) => ({
      value: u,
      label: u.startsWith('custom:') ? u.slice(7) : t(`cooperation.unit.${u}`),
    })),
  ];
  return (
    <>
      <PageHeader title={t('health.title')} description={t('health.intro')} />
      <div className="space-y-6">
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <Card title={t('health.filter.title')} id="filter">
          <p>
            {t('health.filter.summary', {
              unit: unitOptions.find((u) => u.value === q.unit)?.label ?? q.unit,
              from: f.date(q.from),
              to: f.date(q.to),
              count: q.organisations?.length ?? 0,
            })}
          </p>
          {/* The view's settings wait behind one line: the page leads with what it shows, not with a form. */}
          <details className="mt-2" open={problem !== null}>
            <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-800 underline">
              {t('health.filter.change')}
            </summary>
            <Form action={`/networks/${networkId}/health`} className="space-y-3">
              <div className="grid gap-3 sm:grid-cols-3">
                <SelectField name="unit" label={t('health.filter.unit')} defaultValue={q.unit} options={unitOptions} />
                <TextField name="from" type="date" label={t('health.filter.from')} defaultValue={q.from} />
                <TextField name="to" type="date" label={t('health.filter.to')} defaultValue={q.to} />
              </div>
              <fieldset>
                <legend className="font-medium text-stone-900">{t('health.filter.organisations')}</legend>
                <p className="text-sm text-stone-700">{t('health.filter.organisationsHint')}</p>
                <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                  {health.organisations
                    .filter((o) => o.status !== 'left')
                    .map((o) => (
                      <label key={o.id} className="flex min-h-11 items-center gap-2">
                        <input
                          type="checkbox"
                          name="organisations"
                          value={o.id}
                          defaultChecked={q.organisations?.includes(o.id) ?? false}
                          className="h-5 w-5 shrink-0"
                        />
                        {o.name}
                      </label>
                    ))}
                </div>
              </fieldset>
              <Button type="submit" variant="secondary">
                {t('health.filter.apply')}
              </Button>
            </Form>
          </details>
        </Card>
        <HealthView networkId={networkId} health={health} />
      </div>
      {/* The end of the content: the first paint of a full page load waits for it (layout.tsx). */}
      <span id={HEALTH_READY_ID} hidden />
    </>
  );
}
