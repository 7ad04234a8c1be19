'use client';

import { useId, useState } from 'react';
import { Button, Dialog, Form, SelectField, TextAreaField, TextField, useForm, useToast } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { api } from '@/app/_lib/api-client';
import { BUILTIN_UNITS } from '@/lib/ledger/units';

export interface MandateDraft {
  id: string;
  version: number;
  representativeId: string | null;
  validFrom: string;
  validUntil: string | null;
  limits: { unit: string; perCommitment: number | null; perPeriod: number | null; period: 'month' | 'quarter' }[];
  goalIds: string[];
  scopeNote: string;
  disclosure: 'exists' | 'limits';
  coversGifts: boolean;
}

/** '' → null, '7,5' → 7.5; anything else is sent as typed so the server names the field. */
const amount = (v: FormDataEntryValue | null) => {
  const s = String(v ?? '').trim();
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};

/**
 * Give a mandate (or change one): for whom, from when until when, per unit a
 * maximum per commitment and per month or quarter, the goals it covers, a
 * note on its scope and what other organisations may see. Home members only
 * (the server refuses everyone else).
 */
export function MandateForm(props: {
  networkId: string;
  organisationId: string;
  representatives: { id: string; name: string }[];
  goals: { id: string; title: string }[];
  initial?: MandateDraft;
  today: string;
}) {
  const { t } = useI18n();
  const changing = !!props.initial;
  return (
    <Dialog
      title={t(changing ? 'mandates.form.changeTitle' : 'mandates.form.giveTitle')}
      size="lg"
      trigger={
        <Button size="sm" variant={changing ? 'secondary' : 'primary'}>
          {t(changing ? 'mandates.form.change' : 'mandates.form.give')}
        </Button>
      }
    >
      {(close) => <MandateFormBody {...props} close={close} />}
    </Dialog>
  );
}

function MandateFormBody({
  close,
  networkId,
  organisationId,
  representatives,
  goals,
  initial,
  today,
}: {
  networkId: string;
  organisationId: string;
  representatives: { id: string; name: string }[];
  goals: { id: string; title: string }[];
  initial?: MandateDraft;
  today: string;
  close: () => void;
}) {
  const { t } = useI18n();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const toast = useToast();
  const [rows, setRows] = useState<number[]>(() => (initial?.limits.length ? initial.limits.map((_, i) => i) : [0]));
  const [next, setNext] = useState(rows.length);
  const form = useForm({
    read: (d) => {
      const fields = {
        validFrom: String(d.get('validFrom') ?? ''),
        validUntil: String(d.get('validUntil') ?? '') || null,
        limits: rows.map((_, i) => ({
          unit: String(d.get(`limits.${i}.unit`) ?? ''),
          perCommitment: amount(d.get(`limits.${i}.perCommitment`)),
          perPeriod: amount(d.get(`limits.${i}.perPeriod`)),
          period: String(d.get(`limits.${i}.period`) ?? 'month'),
        })),
        goalIds: d.getAll('goalIds').map(String),
        scopeNote: String(d.get('scopeNote') ?? ''),
        disclosure: String(d.get('disclosure') ?? 'exists'),
        coversGifts: d.get('coversGifts') === 'on',
      };
      return initial
        ? { ...fields, expectedVersion: initial.version }
        : { ...fields, organisationId, representativeId: String(d.get('representativeId') ?? '') || null };
    },
    submit: (body) =>
      initial
        ? api.patch(`/api/networks/${networkId}/mandates/${initial.id}`, body)
        : api.post(`/api/networks/${networkId}/mandates`, body),
    onSuccess: () => {
      close();
      toast(t(initial ? 'mandates.form.changed' : 'mandates.form.given'), 'success');
    },
    refresh: true,
  });
  return (
    <Form
      form={form}
      aria-label={t(initial ? 'mandates.form.changeTitle' : 'mandates.form.giveTitle')}
      data-testid="mandate-form"
    >
      {!initial ? (
        <SelectField
          name="representativeId"
          label={t('mandates.form.forWhom')}
          defaultValue=""
          options={[
            { value: '', label: t('mandates.forAll') },
            ...representatives.map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
      ) : null}
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextField
          name="validFrom"
          type="date"
          label={t('mandates.form.validFrom')}
          defaultValue={initial?.validFrom ?? today}
          required
        />
        <TextField
          name="validUntil"
          type="date"
          label={t('mandates.form.validUntil')}
          hint={t('mandates.form.validUntilHint')}
          defaultValue={initial?.validUntil ?? ''}
          optionalLabel={t('common.optional')}
        />
      </div>
      <fieldset className="mb-stack">
        <legend className="mb-2 font-medium">{t('mandates.form.limits')}</legend>
        <p className="mb-2 text-sm text-stone-700">{t('mandates.form.limitsHint')}</p>
        {rows.map((key, i) => {
          const l = initial?.limits[key];
          return (
            <div key={key} className="mb-2 grid gap-x-3 rounded border border-stone-200 p-2 sm:grid-cols-4">
              <SelectField
                name={`limits.${i}.unit`}
                label={t('mandates.form.unit')}
                defaultValue={l?.unit ?? 'hours'}
                options={BUILTIN_UNITS.map((u) => ({ value: u, label: t(`cooperation.unit.${u}`) }))}
              />
              <TextField
                name={`limits.${i}.perCommitment`}
                label={t('mandates.form.perCommitment')}
                inputMode="decimal"
                defaultValue={l?.perCommitment ?? ''}
                optionalLabel={t('common.optional')}
              />
              <TextField
                name={`limits.${i}.perPeriod`}
                label={t('mandates.form.perPeriod')}
                inputMode="decimal"
                defaultValue={l?.perPeriod ?? ''}
                optionalLabel={t('common.optional')}
              />
              <SelectField
                name={`limits.${i}.period`}
                label={t('mandates.form.period')}
                defaultValue={l?.period ?? 'month'}
                options={[
                  { value: 'month', label: t('mandates.form.month') },
                  { value: 'quarter', label: t('mandates.form.quarter') },
                ]}
              />
              {rows.length > 1 ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="sm:col-span-4 sm:justify-self-end"
                  onClick={() => setRows(rows.filter((r) => r !== key))}
                >
                  {t('mandates.form.removeUnit')}
                </Button>
              ) : null}
            </div>
          );
        })}
        {rows.length < 20 ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setRows([...rows, next]);
              setNext(next + 1);
            }}
          >
            {t('mandates.form.addUnit')}
          </Button>
        ) : null}
      </fieldset>
      <fieldset className="mb-stack">
        <legend className="mb-1 font-medium">{t('mandates.form.goals')}</legend>
        <p className="mb-2 text-sm text-stone-700">{t('mandates.form.goalsHint')}</p>
        {goals.length === 0 ? <p className="text-sm text-stone-700">{t('mandates.form.noGoals')}</p> : null}
        {goals.map((g) => (
          <label key={g.id} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              name="goalIds"
              value={g.id}
              defaultChecked={initial?.goalIds.includes(g.id)}
              className="h-4 w-4"
            />
            <span className="min-w-0">{g.title}</span>
          </label>
        ))}
      </fieldset>
      <div className="mb-stack">
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="coversGifts"
            defaultChecked={initial?.coversGifts ?? false}
            className="h-4 w-4"
            aria-describedby={`${uid}-covers-gifts-hint`}
          />
          <span className="min-w-0 font-medium">{t('mandates.form.coversGifts')}</span>
        </label>
        <p id={`${uid}-covers-gifts-hint`} className="text-sm text-stone-700">
          {t('mandates.form.coversGiftsHint')}
        </p>
      </div>
      <TextAreaField
        name="scopeNote"
        rows={3}
        maxLength={2000}
        label={t('mandates.form.scopeNote')}
        hint={t('mandates.form.scopeNoteHint')}
        defaultValue={initial?.scopeNote ?? ''}
        optionalLabel={t('common.optional')}
      />
      <SelectField
        name="disclosure"
        label={t('mandates.form.disclosure')}
        defaultValue={initial?.disclosure ?? 'exists'}
        options={[
          { value: 'exists', label: t('mandates.form.disclosureExists') },
          { value: 'limits', label: t('mandates.form.disclosureLimits') },
        ]}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={form.busy}>
          {t(initial ? 'mandates.form.saveChange' : 'mandates.form.save')}
        </Button>
        <Button variant="ghost" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
