'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form, TextAreaField, useForm } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { Assessment } from '@/lib/mandates/assess';
import { api, qs } from '@/app/_lib/api-client';
import { coopKey } from './live';
import { useFormat } from './use-format';

const TONES = {
  info: 'border-sky-700 bg-sky-50 text-sky-950',
  success: 'border-green-700 bg-green-50 text-green-950',
  warning: 'border-amber-700 bg-amber-50 text-amber-950',
} as const;

/** A value that follows `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * What the representative sees while committing: within the mandate (and what
 * remains of it this month or quarter) or beyond it (and why), so they know
 * before they send whether it is committed at once or waits for home.
 */
export function MandateHint({
  networkId,
  organisationId,
  goalId,
  unit,
  amount,
  subject = 'commitment',
}: {
  networkId: string;
  organisationId: string;
  /** null: none (a gift may have no goal). */
  goalId: string | null;
  unit: string;
  amount: number;
  /** A commitment, or a gift recorded in the ledger (held to the mandate only when the mandate says so). */
  subject?: 'commitment' | 'gift';
}) {
  const { t, f: intl } = useI18n();
  const f = useFormat();
  const ask = useSettled({ unit, amount }, 300);
  const valid = Number.isFinite(ask.amount) && ask.amount > 0;
  const check = useQuery({
    enabled: valid,
    queryKey: coopKey(networkId, 'mandate-check', subject, organisationId, goalId, ask.unit, ask.amount),
    queryFn: () =>
      api.get<Assessment>(
        `/api/networks/${networkId}/mandates/check${qs({
          for: subject,
          organisationId,
          goalId: goalId ?? '',
          unit: ask.unit,
          amount: ask.amount,
        })}`,
      ),
    placeholderData: (prev) => prev,
  });
  const k = subject === 'gift' ? 'mandates.gift.hint' : 'mandates.hint';
  const a = check.data;
  let text: string;
  let tone: 'info' | 'success' | 'warning' = 'info';
  if (!valid || !a) text = t('mandates.hint.enterAmount');
  else if (!a.governed) text = t(`${k}.noMandate`);
  else {
    const l = a.limit;
    const remaining =
      l && l.left !== null
        ? t(`${k}.left`, {
            left: f.amount(l.left, l.unit),
            max: f.amount(l.perPeriod ?? 0, l.unit),
            period: l.period,
          })
        : '';
    const perOne = l && l.perCommitment !== null ? t(`${k}.perOne`, { max: f.amount(l.perCommitment, l.unit) }) : '';
    if (a.within) {
      tone = 'success';
      text = [t(`${k}.within`), perOne, remaining].filter(Boolean).join(' ');
    } else {
      tone = 'warning';
      const why = intl.list(a.reasons.map((r) => t(`mandates.reason.${r}`)));
      text = [t(`${k}.beyond`, { why }), remaining].filter(Boolean).join(' ');
    }
  }
  // A polite live region of its own (not a status message: the form's own status says whether it was saved).
  return (
    <p
      aria-live="polite"
      className={`mb-3 rounded-md border-l-4 px-4 py-3 ${TONES[tone]}`}
      data-testid="mandate-hint"
      data-within={a ? String(a.within) : undefined}
    >
      {text}
    </p>
  );
}

/**
 * A home member decides on a commitment that waits for home approval:
 * approve (with an optional note) commits it, decline (with a reason)
 * withdraws it. The first decision counts; a later one is told who decided.
 */
export function HomeDecision({
  networkId,
  commitmentId,
  entryId,
}: {
  networkId: string;
  /** A commitment waiting for home, or (entryId) a gift in the ledger: the same decision. */
  commitmentId?: string | null;
  entryId?: string | null;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'none' | 'approve' | 'decline'>('none');
  const decide = useForm({
    read: (d) => ({ action: mode, reason: String(d.get('reason') ?? '') }),
    submit: (body: { action: string; reason: string }) =>
      entryId
        ? api.post(`/api/networks/${networkId}/ledger/${entryId}/home-decision`, {
            decision: body.action,
            reason: body.reason,
          })
        : api.patch(`/api/networks/${networkId}/commitments/${commitmentId}`, body),
    onSuccess: () => {
      setMode('none');
      void qc.invalidateQueries({ queryKey: coopKey(networkId) });
    },
    refresh: true,
  });
  return (
    <div className="mt-2" data-testid="home-decision">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() => setMode(mode === 'approve' ? 'none' : 'approve')}
          aria-expanded={mode === 'approve'}
        >
          {t('mandates.decision.approve')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => setMode(mode === 'decline' ? 'none' : 'decline')}
          aria-expanded={mode === 'decline'}
        >
          {t('mandates.decision.decline')}
        </Button>
      </div>
      {mode !== 'none' ? (
        <Form
          form={decide}
          className="mt-2"
          aria-label={t(mode === 'approve' ? 'mandates.decision.approve' : 'mandates.decision.decline')}
        >
          <TextAreaField
            name="reason"
            rows={2}
            maxLength={2000}
            label={t(mode === 'approve' ? 'mandates.decision.note' : 'mandates.decision.reason')}
            hint={t(
              mode === 'approve'
                ? 'mandates.decision.noteHint'
                : entryId
                  ? 'mandates.gift.reasonHint'
                  : 'mandates.decision.reasonHint',
            )}
            required={mode === 'decline'}
            optionalLabel={mode === 'approve' ? t('common.optional') : undefined}
          />
          <Button type="submit" size="sm" variant={mode === 'approve' ? 'primary' : 'danger'} busy={decide.busy}>
            {t(
              mode === 'approve'
                ? entryId
                  ? 'mandates.gift.confirmApprove'
                  : 'mandates.decision.confirmApprove'
                : 'mandates.decision.confirmDecline',
            )}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
