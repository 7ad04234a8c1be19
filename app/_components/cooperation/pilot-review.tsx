'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { PILOT_DECISIONS, type PilotDecision } from '@/lib/goals/pilot';
import { errorText, request } from '@/app/_lib/api-client';
import { coopKey } from './live';
import { useFormat } from './use-format';

/** "Review due" (the date has come) or "Review on <date>": a small badge for pilots on lists and pages. */
export function ReviewBadge({ reviewOn, due }: { reviewOn: string | null; due: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  if (due)
    return (
      <span
        className="rounded-full border border-amber-700 bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-950"
        data-testid="review-due"
      >
        {t('cooperation.pilot.reviewDue')}
      </span>
    );
  if (!reviewOn) return null;
  return (
    <span className="text-sm text-stone-700" data-testid="review-on">
      {t('cooperation.pilot.reviewOnDate', { date: f.date(reviewOn) })}
    </span>
  );
}

/**
 * The review of a pilot (goal or commitment): deepen, repeat (with the next
 * review date) or stop, always with a short reason. Before the review date
 * the person must tick "decide before the review date" (the server refuses
 * otherwise). The server's refusal is shown in the person's language.
 */
export function PilotDecisionForm({
  networkId,
  url,
  subject,
  reviewOn,
  reviewDue,
  expectedVersion,
}: {
  networkId: string;
  url: string;
  subject: 'goal' | 'commitment';
  reviewOn: string | null;
  reviewDue: boolean;
  expectedVersion?: number;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const qc = useQueryClient();
  const legendId = useId();
  const [decision, setDecision] = useState<PilotDecision | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => request('POST', url, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: coopKey(networkId) }),
  });
  const error = save.error ? errorText(save.error, t) : null;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    save.mutate({
      decision: String(d.get('decision') ?? ''),
      reason: String(d.get('reason') ?? ''),
      ...(decision === 'repeat' ? { nextReviewOn: String(d.get('nextReviewOn') ?? '') } : {}),
      early: d.get('early') === 'on',
      ...(expectedVersion ? { expectedVersion } : {}),
    });
  }

  const labels = subject === 'goal' ? 'cooperation.pilot.decisions' : 'cooperation.pilot.commitmentDecisions';
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('cooperation.pilot.title')} data-testid="pilot-decision">
      <p className="mb-3">
        {reviewDue
          ? t('cooperation.pilot.dueText', { date: f.date(reviewOn) })
          : reviewOn
            ? t('cooperation.pilot.notDueText', { date: f.date(reviewOn) })
            : t('cooperation.pilot.noDateText')}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">{t('cooperation.pilot.decided')}</Alert> : null}
      <fieldset className="mb-4" aria-labelledby={legendId}>
        <legend id={legendId} className="font-medium">
          {t('cooperation.pilot.decision')}
        </legend>
        {PILOT_DECISIONS.map((d) => (
          <label key={d} className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="decision"
              value={d}
              required
              className="h-4 w-4"
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {t(`${labels}.${d}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'repeat' ? (
        <TextField label={t('cooperation.pilot.nextReviewOn')} name="nextReviewOn" type="date" />
      ) : null}
      <TextAreaField label={t('cooperation.pilot.reason')} name="reason" rows={2} required maxLength={2000} />
      {!reviewDue ? (
        <label className="mb-4 flex items-center gap-2">
          <input type="checkbox" name="early" className="h-4 w-4" />
          {t('cooperation.pilot.early')}
        </label>
      ) : null}
      <Button type="submit" busy={save.isPending} disabled={!decision}>
        {t('cooperation.pilot.submit')}
      </Button>
    </form>
  );
}
