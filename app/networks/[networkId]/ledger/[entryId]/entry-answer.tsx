'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { Button, Form, TextAreaField, useForm } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';

/**
 * Confirm or dispute an entry from its own page (where "for me" links an
 * entry waiting for my organisation): the same answer as in the ledger, shown
 * only when the entry's abilities say so (the server decides).
 */
export function EntryAnswer({ networkId, entryId }: { networkId: string; entryId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [disputing, setDisputing] = useState(false);
  const url = `/api/networks/${networkId}/ledger/${entryId}/response`;
  const confirm = useForm({
    read: () => ({ response: 'confirm' }),
    submit: (b) => api.post(url, b),
    refresh: true,
  });
  const dispute = useForm({
    read: (d) => ({ response: 'dispute', comment: String(d.get('comment') ?? '') }),
    submit: (b) => api.post(url, b),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="mt-4 grid gap-3">
      <Form form={confirm}>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={confirm.busy}>
            {t('cooperation.ledger.confirm')}
          </Button>
          <Button variant="secondary" aria-expanded={disputing} onClick={() => setDisputing((d) => !d)}>
            {t('cooperation.ledger.dispute')}
          </Button>
        </div>
      </Form>
      {disputing ? (
        <Form form={dispute}>
          <TextAreaField
            label={t('cooperation.ledger.disputeComment')}
            name="comment"
            rows={2}
            required
            maxLength={2000}
          />
          <Button type="submit" busy={dispute.busy} className="mt-2">
            {t('cooperation.ledger.disputeSubmit')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
