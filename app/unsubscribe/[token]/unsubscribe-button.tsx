'use client';

import { useMutation } from '@tanstack/react-query';
import Link from '@/app/_components/ui/link';
import { useI18n } from '@/app/_components/providers';
import { Alert, Button } from '@/app/_components/ui';
import { api, errorText } from '@/app/_lib/api-client';

export function UnsubscribeButton({ token, question, done }: { token: string; question: string; done: string }) {
  const { t } = useI18n();
  const m = useMutation({ mutationFn: () => api.post(`/api/unsubscribe/${encodeURIComponent(token)}`, {}) });
  if (m.isSuccess)
    return (
      <>
        <Alert tone="success">{done}</Alert>
        <p className="mt-4">
          <Link href="/account#notifications" className="text-brand-800 underline">
            {t('followUp.unsubscribe.settings')}
          </Link>
        </p>
      </>
    );
  return (
    <>
      <p className="mb-4">{question}</p>
      {m.isError ? <Alert tone="error">{errorText(m.error, t)}</Alert> : null}
      <Button onClick={() => m.mutate()} busy={m.isPending}>
        {t('followUp.unsubscribe.button')}
      </Button>
    </>
  );
}
