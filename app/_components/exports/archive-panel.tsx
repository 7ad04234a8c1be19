'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, buttonClasses, useToast } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api, errorText, qs } from '@/app/_lib/api-client';
import type { ArchiveExport } from '@/lib/exports/archive';

/**
 * Start an archive and follow it: the person's own archives of one scope,
 * polled every second while one is being made (the state is in the database,
 * so a reload shows the same progress), with a progress bar and percentage,
 * and the download once it is ready. Only the requester sees and downloads it.
 */
export function ArchivePanel({
  networkId,
  scope,
  organisationId,
  startLabel,
}: {
  networkId: string;
  scope: 'network' | 'organisation';
  organisationId?: string;
  startLabel: string;
}) {
  const { t, f, locale } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const key = ['exports', networkId, scope, organisationId ?? null];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<{ exports: ArchiveExport[] }>(`/api/networks/${networkId}/exports${qs({ scope, organisationId })}`),
    refetchInterval: (q) =>
      q.state.data?.exports.some((e) => e.status === 'pending' || e.status === 'running') ? 1000 : false,
  });
  const start = useMutation({
    mutationFn: () =>
      api.post<{ export: ArchiveExport; created: boolean }>(`/api/networks/${networkId}/exports`, {
        scope,
        ...(organisationId ? { organisationId } : {}),
      }),
    onSuccess: () => {
      toast(t('exports.archive.started'));
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const exports = list.data?.exports ?? [];
  const latest = exports[0];
  const busy = exports.some((e) => e.status === 'pending' || e.status === 'running');
  const size = (bytes: number) =>
    new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      style: 'unit',
      unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1e6 ? bytes / 1e6 : Math.max(0.1, bytes / 1e3));

  return (
    <div className="grid gap-4">
      <div>
        <Button variant="primary" busy={start.isPending} disabled={busy} onClick={() => start.mutate()}>
          {startLabel}
        </Button>
      </div>
      {start.isError ? <Alert tone="error">{errorText(start.error, t)}</Alert> : null}
      {list.isError ? <Alert tone="error">{errorText(list.error, t)}</Alert> : null}
      {/* Said once per change of state (not at every percent): waiting, being made, ready, failed. */}
      <p className="sr-only" aria-live="polite">
        {latest && latest.status !== 'expired' ? t('exports.archive.announce', { status: latest.status }) : ''}
      </p>
      <section aria-label={t('exports.archive.recent')}>
        {list.data && exports.length === 0 ? <p className="text-stone-700">{t('exports.archive.none')}</p> : null}
        <ul className="grid gap-3">
          {exports.map((e) => (
            <li key={e.id} className="rounded-control border border-stone-300 p-3" data-export-status={e.status}>
              <p className="text-sm text-stone-700">
                {t('exports.archive.requestedAt', { when: f.dateTime(e.createdAt) })}
              </p>
              {e.status === 'pending' || e.status === 'running' ? (
                <div className="mt-2">
                  <div
                    role="progressbar"
                    aria-label={t('exports.archive.progress')}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={e.percent}
                    aria-valuetext={`${e.percent}%`}
                    className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
                  >
                    <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${e.percent}%` }} />
                  </div>
                  <p className="mt-1 text-sm">
                    {e.status === 'pending'
                      ? t('exports.archive.pending')
                      : t('exports.archive.running', { percent: e.percent, done: e.done, total: e.total })}
                  </p>
                </div>
              ) : null}
              {e.status === 'ready' ? (
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <p className="text-sm" role="status">
                    {t('exports.archive.ready', {
                      size: size(e.fileSize ?? 0),
                      date: f.dateTime(e.expiresAt ?? e.createdAt),
                    })}
                  </p>
                  {e.abilities.download && e.downloadUrl ? (
                    <a className={buttonClasses('secondary', 'md')} href={e.downloadUrl} download>
                      {t('exports.archive.download')}
                    </a>
                  ) : null}
                </div>
              ) : null}
              {e.status === 'failed' ? <Alert tone="error">{t('exports.archive.failed')}</Alert> : null}
              {e.status === 'expired' ? (
                <p className="mt-1 text-sm text-stone-700">
                  {t('exports.archive.expired', { date: f.dateTime(e.expiresAt ?? e.createdAt) })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
