'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { Alert, Button, Dialog, Form, TextAreaField, TextField, useForm } from '@/app/_components/ui';
import { coopKey } from '@/app/_components/cooperation/live';
import { api } from '@/app/_lib/api-client';

/** A lock in force, as GET /api/networks/:id/document-locks?doc= returns it. */
export interface LockView {
  id: string;
  part: string;
  reason: string;
  lockedBy: { id: string; name: string } | null;
  endsAt: number | null;
  abilities: { unlock: boolean };
}
interface LocksAnswer {
  locks: LockView[];
  abilities: { lock: boolean; unlock: boolean };
}

export const locksKey = (networkId: string, doc: string) => coopKey(networkId, 'document-locks', doc);

/**
 * The lock in force on one part of a document, kept live: the network's change
 * feed refreshes it when a lock is set or lifted (cooperation/live.tsx), and it
 * lapses here at its end time without asking the server.
 */
export function useDocumentLock(networkId: string, doc: string, part: string, enabled = true) {
  const qc = useQueryClient();
  const q = useQuery({
    enabled,
    queryKey: locksKey(networkId, doc),
    queryFn: () => api.get<LocksAnswer>(`/api/networks/${networkId}/document-locks?doc=${encodeURIComponent(doc)}`),
  });
  const [now, setNow] = useState(() => Date.now());
  const lock = q.data?.locks.find((l) => l.part === part && (l.endsAt === null || l.endsAt > now)) ?? null;
  const endsAt = lock?.endsAt ?? null;
  useEffect(() => {
    if (endsAt === null) return;
    // Wake once the lock ends (timers cap at 2^31 ms; a lock lasts at most a year, so re-check daily).
    const timer = setTimeout(
      () => {
        setNow(Date.now());
        void qc.invalidateQueries({ queryKey: locksKey(networkId, doc) });
      },
      Math.min(Math.max(0, endsAt - Date.now() + 50), 86_400_000),
    );
    return () => clearTimeout(timer);
  }, [endsAt, networkId, doc, qc]);
  return { lock, abilities: q.data?.abilities ?? null };
}

/**
 * For everyone: a calm banner while a part is locked ("Locked by … until … —
 * reason"); for network managers the Lock… / Unlock action. The realtime
 * server enforces the lock; this only tells people.
 */
export function DocumentLockBar({
  networkId,
  doc,
  part,
  state,
}: {
  networkId: string;
  doc: string;
  part: string;
  state: ReturnType<typeof useDocumentLock>;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: locksKey(networkId, doc) });
  const { lock, abilities } = state;
  const unlock = useForm<Record<string, never>, unknown>({
    submit: () => api.delete(`/api/networks/${networkId}/document-locks/${lock?.id}`),
    onSuccess: refresh,
  });
  if (!lock && !abilities?.lock) return null;
  return (
    <div className="mb-3 grid gap-2" data-testid="document-lock">
      {lock ? (
        <Alert tone="info">
          <span className="block">
            {lock.endsAt === null
              ? t('documents.lock.bannerOpenEnded', { name: lock.lockedBy?.name || '—', reason: lock.reason })
              : t('documents.lock.banner', {
                  name: lock.lockedBy?.name || '—',
                  until: new Date(lock.endsAt),
                  reason: lock.reason,
                })}
          </span>
          <span className="block text-sm">{t('documents.lock.readOnly')}</span>
        </Alert>
      ) : null}
      {lock && lock.abilities.unlock ? (
        <div>
          <Button variant="secondary" size="sm" busy={unlock.busy} onClick={() => unlock.send({})}>
            {t('documents.lock.unlock')}
          </Button>
          {unlock.error ? <Alert tone="error">{unlock.error}</Alert> : null}
        </div>
      ) : null}
      {!lock && abilities?.lock ? (
        <div>
          <Dialog
            title={t('documents.lock.dialogTitle')}
            description={t('documents.lock.dialogHelp')}
            trigger={
              <Button variant="secondary" size="sm">
                {t('documents.lock.lock')}
              </Button>
            }
          >
            {(close) => <LockForm networkId={networkId} doc={doc} part={part} onDone={close} />}
          </Dialog>
        </div>
      ) : null}
    </div>
  );
}

/** `YYYY-MM-DDTHH:mm` in the browser's time zone (the value of a datetime-local input). */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function LockForm({
  networkId,
  doc,
  part,
  onDone,
}: {
  networkId: string;
  doc: string;
  part: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [defaultEnd] = useState(() => localInput(Date.now() + 2 * 3600_000));
  const form = useForm({
    read: (d) => {
      const until = String(d.get('endsAt') ?? '');
      const ms = until ? new Date(until).getTime() : NaN;
      return { doc, part, reason: String(d.get('reason') ?? ''), endsAt: Number.isFinite(ms) ? ms : 0 };
    },
    submit: (body) => api.post(`/api/networks/${networkId}/document-locks`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: locksKey(networkId, doc) });
      onDone();
    },
  });
  return (
    <Form form={form} aria-label={t('documents.lock.dialogTitle')} className="grid gap-3">
      <TextAreaField name="reason" label={t('documents.lock.reason')} maxLength={500} rows={3} required />
      <TextField
        name="endsAt"
        type="datetime-local"
        label={t('documents.lock.until')}
        defaultValue={defaultEnd}
        required
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={form.busy}>
          {t('documents.lock.confirm')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('documents.lock.cancel')}
        </Button>
      </div>
    </Form>
  );
}
