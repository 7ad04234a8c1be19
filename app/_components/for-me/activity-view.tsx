'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from '@/app/_components/ui/link';
import { useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { coopKey } from '@/app/_components/cooperation/live';
import { Alert, Button, Card, EmptyState, Form, SelectField, TextField, useForm } from '@/app/_components/ui';
import { api, errorText, qs } from '@/app/_lib/api-client';
import { ACTIVITY_GROUPS } from '@/lib/activity/groups';
import { activityText } from '@/lib/activity/words';
import type { FeedItem } from '@/lib/activity/list-feed';

type Filter = { organisationId?: string; group?: string; personId?: string; from?: string; to?: string };
type Page = { items: (FeedItem & { group: string })[]; nextBefore: number | null };

/**
 * The activity feed / audit log: filters (organisation, kind, person,
 * period), newest first, "show older", live (the shell's change feed refreshes
 * it), and the same filters as a CSV download.
 */
export function ActivityView({
  networkId,
  organisations,
  people,
  initial,
}: {
  networkId: string;
  organisations: { id: string; name: string }[];
  people: { userId: string; name: string }[];
  initial: Page;
}) {
  const { t, f } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const base = `/api/networks/${networkId}/activity`;
  const q = useInfiniteQuery({
    queryKey: coopKey(networkId, 'activity', filter),
    queryFn: ({ pageParam }) => api.get<Page>(`${base}${qs({ ...filter, before: pageParam ?? undefined })}`),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    initialData: Object.keys(filter).length ? undefined : { pages: [initial], pageParams: [null] },
  });
  const form = useForm({
    read: (d) => {
      const v: Filter = {};
      for (const k of ['organisationId', 'group', 'personId', 'from', 'to'] as const) {
        const x = String(d.get(k) ?? '');
        if (x) v[k] = x;
      }
      return v;
    },
    submit: async (v: Filter) => {
      setFilter(v);
      return v;
    },
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const all = t('followUp.activity.all');
  return (
    <div className="grid gap-6">
      <Card title={t('followUp.activity.filters')} id="filters">
        <Form form={form} aria-label={t('followUp.activity.filters')}>
          <div className="grid gap-stack sm:grid-cols-2 lg:grid-cols-3">
            <SelectField
              label={t('followUp.activity.organisation')}
              name="organisationId"
              options={[{ value: '', label: all }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <SelectField
              label={t('followUp.activity.kind')}
              name="group"
              options={[
                { value: '', label: all },
                ...ACTIVITY_GROUPS.map((g) => ({ value: g, label: t(`followUp.group.${g}`) })),
              ]}
            />
            <SelectField
              label={t('followUp.activity.person')}
              name="personId"
              options={[{ value: '', label: all }, ...people.map((p) => ({ value: p.userId, label: p.name }))]}
            />
            <TextField label={t('followUp.activity.from')} name="from" type="date" />
            <TextField label={t('followUp.activity.to')} name="to" type="date" />
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button type="submit">{t('followUp.activity.apply')}</Button>
            <Button
              type="reset"
              variant="secondary"
              onClick={() => {
                setFilter({});
              }}
            >
              {t('followUp.activity.reset')}
            </Button>
            <a
              href={`${base}/export${qs(filter)}`}
              className="inline-flex min-h-11 items-center rounded-control border border-stone-400 px-4 font-medium text-stone-900 hover:bg-stone-100"
              download
            >
              {t('followUp.activity.export')}
            </a>
          </div>
        </Form>
      </Card>
      <section aria-labelledby="activity-list-title">
        <h2 id="activity-list-title" className="sr-only">
          {t('followUp.activity.title')}
        </h2>
        <p className="mb-2 text-sm text-stone-700">{t('followUp.activity.live')}</p>
        {q.isError ? <Alert tone="error">{errorText(q.error, t)}</Alert> : null}
        {q.isSuccess && items.length === 0 ? <EmptyState title={t('followUp.activity.empty')} /> : null}
        <ol className="grid gap-2" data-testid="activity-list">
          {items.map((item) => (
            <li key={item.id} className="rounded-control border border-stone-300 bg-white p-3">
              <p className="text-sm text-stone-700">
                <time dateTime={new Date(item.createdAt).toISOString()}>{f.dateTime(item.createdAt)}</time> ·{' '}
                {t(`followUp.group.${item.group}`)}
              </p>
              {item.words.href ? (
                <Link href={item.words.href} className="text-brand-800 underline underline-offset-2">
                  {activityText(t, item)}
                </Link>
              ) : (
                <span>{activityText(t, item)}</span>
              )}
            </li>
          ))}
        </ol>
        {q.hasNextPage ? (
          <Button
            variant="secondary"
            className="mt-4"
            busy={q.isFetchingNextPage}
            onClick={() => void q.fetchNextPage()}
          >
            {t('followUp.activity.loadMore')}
          </Button>
        ) : null}
      </section>
    </div>
  );
}
