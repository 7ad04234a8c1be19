'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from '@/app/_components/ui/link';
import { useI18n } from '@/app/_components/providers';
import { coopKey } from '@/app/_components/cooperation/live';
import { Alert, Badge, Button, Card, EmptyState, useToast } from '@/app/_components/ui';
import { api, errorText } from '@/app/_lib/api-client';
import { activityText } from '@/lib/activity/words';
import type { ForMe } from '@/lib/for-me/get-for-me';
import { bellKey } from './bell';
import { useLook } from './look';

/**
 * "For me" in one network: what needs me (each with its link; mentions can be
 * marked as seen), what is due, and what changed since my previous visit,
 * grouped, in words with links, each marked new, with "mark all as seen".
 * Live: every change in the network refreshes it. Being on screen is a look
 * (lib/for-me/visit.ts).
 */
export function ForMeView({ networkId, initial }: { networkId: string; initial: ForMe }) {
  const { t, f } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const key = coopKey(networkId, 'for-me', 'page');
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<ForMe>(`/api/networks/${networkId}/for-me`),
    initialData: initial,
  });
  const seen = useMutation({
    mutationFn: (body: { activityId?: number; notificationIds?: string[] }) =>
      api.post(`/api/networks/${networkId}/for-me/seen`, body),
    onSuccess: () => {
      toast(t('followUp.marked'), 'success');
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: bellKey(networkId) });
    },
  });
  const data = q.data;
  const changes = data.changes;
  // Having this page on screen is a look: the next visit starts after what it shows.
  useLook(networkId, changes.latestId);
  return (
    <div className="grid gap-6">
      {seen.isError ? <Alert tone="error">{errorText(seen.error, t)}</Alert> : null}
      <Card title={t('followUp.needsMe.title')} id="needs-me">
        {data.needsMe.length === 0 ? (
          <EmptyState title={t('followUp.needsMe.empty')} />
        ) : (
          <ul className="grid gap-2" data-testid="needs-me">
            {data.needsMe.map((item) => (
              <li
                key={`${item.source}:${item.id}`}
                className="flex flex-wrap items-center justify-between gap-2 rounded-control border border-stone-300 p-3"
              >
                <Link href={item.href} className="min-w-0 flex-1 text-brand-800 underline underline-offset-2">
                  {t(item.key, item.values)}
                </Link>
                {item.dismissable ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    busy={seen.isPending && seen.variables?.notificationIds?.[0] === item.id}
                    onClick={() => seen.mutate({ notificationIds: [item.id] })}
                  >
                    {t('followUp.markSeen')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('followUp.due.title')} id="due">
        {data.due.length === 0 ? (
          <p className="text-stone-700">{t('followUp.due.empty')}</p>
        ) : (
          <ul className="grid gap-2">
            {data.due.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                {d.overdue ? <Badge tone="danger">{t('followUp.across.overdue', { count: 1 })}</Badge> : null}
                <Link href={d.href} className="text-brand-800 underline underline-offset-2">
                  {t(d.overdue ? 'followUp.due.overdue' : 'followUp.due.soon', {
                    title: d.goalTitle,
                    date: f.date(d.dueOn),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card
        title={t('followUp.changes.title')}
        id="changes"
        actions={
          changes.total > 0 ? (
            <Button
              size="sm"
              busy={seen.isPending && seen.variables?.activityId !== undefined}
              onClick={() => seen.mutate({ activityId: changes.latestId })}
            >
              {t('followUp.markAllSeen')}
            </Button>
          ) : null
        }
      >
        <p className="mb-3 text-sm text-stone-700" data-testid="changes-since">
          {changes.lastVisitAt
            ? t('followUp.changes.since', { when: f.dateTime(changes.lastVisitAt) })
            : t('followUp.changes.sinceNever')}{' '}
          {t('followUp.changes.visitHint', { minutes: changes.visitMinutes })}
        </p>
        {changes.total === 0 ? (
          <p className="text-stone-700">{t('followUp.changes.empty')}</p>
        ) : (
          <div className="grid gap-4">
            {changes.groups.map((g) => (
              <section key={g.group} aria-labelledby={`changes-${g.group}`}>
                <h3 id={`changes-${g.group}`} className="font-semibold text-stone-900">
                  {t(`followUp.group.${g.group}`)}{' '}
                  <span className="font-normal text-stone-700">
                    ({t('followUp.changes.count', { count: g.count })})
                  </span>
                </h3>
                <ul className="mt-1 grid gap-1">
                  {g.items.map((item) => (
                    <li
                      key={item.id}
                      className="border-l-4 border-sky-700 pl-2 text-stone-800"
                      data-testid="change"
                      data-new="true"
                    >
                      <Badge tone="info" className="mr-2">
                        {t('followUp.changes.new')}
                      </Badge>
                      {item.words.href ? (
                        <Link href={item.words.href} className="text-brand-800 underline underline-offset-2">
                          {activityText(t, item)}
                        </Link>
                      ) : (
                        activityText(t, item)
                      )}{' '}
                      <span className="text-sm text-stone-700">· {f.relative(item.createdAt)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            {changes.more ? <p className="text-sm text-stone-700">{t('followUp.changes.more')}</p> : null}
          </div>
        )}
        <p className="mt-4">
          <Link href={`/networks/${networkId}/activity`} className="text-brand-800 underline">
            {t('followUp.changes.all')}
          </Link>
        </p>
      </Card>
    </div>
  );
}
