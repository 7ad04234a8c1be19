'use client';

import { Button, Dialog, Form, TextAreaField, TextField, useForm, useToast } from '@/app/_components/ui';
import { api } from '@/app/_lib/api-client';
import { useI18n } from '@/app/_components/providers';

const QUESTIONS = ['alone', 'occasional', 'selfInterest', 'longPaths', 'hierarchy', 'direction', 'noTime'] as const;
const SCALE = [1, 2, 3, 4, 5] as const;

/** "Answer the check" behind a button: the seven statements, each on a scale 1–5 with a note, and the date. */
export function ReadinessDialog({
  networkId,
  organisationId,
  again,
  today,
}: {
  networkId: string;
  organisationId: string;
  again: boolean;
  today: string;
}) {
  const { t } = useI18n();
  const label = again ? t('readiness.answerAgain') : t('readiness.answer');
  return (
    <Dialog title={label} trigger={<Button variant="primary">{label}</Button>}>
      {(close) => <ReadinessForm networkId={networkId} organisationId={organisationId} today={today} onSaved={close} />}
    </Dialog>
  );
}

function ReadinessForm({
  networkId,
  organisationId,
  today,
  onSaved,
}: {
  networkId: string;
  organisationId: string;
  today: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm({
    read: (data) => ({
      answeredOn: String(data.get('answeredOn') ?? ''),
      answers: QUESTIONS.map((question) => ({
        question,
        score: data.get(`score-${question}`) === null ? null : Number(data.get(`score-${question}`)),
        note: String(data.get(`note-${question}`) ?? ''),
      })),
    }),
    submit: (body) => api.post(`/api/networks/${networkId}/organisations/${organisationId}/readiness`, body),
    refresh: true,
    onSuccess: () => {
      onSaved();
      toast(t('readiness.saved'));
    },
  });
  return (
    <Form form={form} aria-label={t('readiness.form.label')}>
      <TextField name="answeredOn" type="date" label={t('readiness.answeredOn')} defaultValue={today} max={today} />
      {QUESTIONS.map((q, i) => (
        <fieldset key={q} className="mb-stack rounded-card border border-stone-300 p-3" data-question={q}>
          <legend id={`question-${q}`} className="px-1 font-semibold text-stone-900">
            {i + 1}. {t(`readiness.question.${q}`)}
          </legend>
          <p className="mb-1 text-sm text-stone-700" id={`scale-${q}`}>
            {t('readiness.scale.label')}
          </p>
          <div
            className="mb-2 flex flex-wrap gap-x-4 gap-y-1"
            role="radiogroup"
            aria-labelledby={`question-${q}`}
            aria-describedby={`scale-${q}`}
          >
            {SCALE.map((s) => (
              <label key={s} className="inline-flex min-h-11 items-center gap-2">
                <input type="radio" name={`score-${q}`} value={s} className="h-5 w-5 accent-brand-700" />
                <span>{t(`readiness.scale.${s}`)}</span>
              </label>
            ))}
          </div>
          <TextAreaField
            name={`note-${q}`}
            label={t('readiness.note')}
            hint={t('readiness.noteHint')}
            optionalLabel={t('common.optional')}
            maxLength={1000}
            rows={2}
          />
        </fieldset>
      ))}
      <Button type="submit" busy={form.busy}>
        {t('readiness.submit')}
      </Button>
    </Form>
  );
}

/** Share the summary of a check with the network, or stop sharing it. */
export function ShareButton({
  networkId,
  organisationId,
  checkId,
  shared,
}: {
  networkId: string;
  organisationId: string;
  checkId: string;
  shared: boolean;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm({
    submit: () =>
      api.patch(`/api/networks/${networkId}/organisations/${organisationId}/readiness/${checkId}`, { shared: !shared }),
    refresh: true,
    onSuccess: () => toast(shared ? t('readiness.share.undone') : t('readiness.share.done')),
  });
  return (
    <div>
      <Button variant="secondary" busy={form.busy} onClick={() => form.send({})}>
        {shared ? t('readiness.share.undo') : t('readiness.share.do')}
      </Button>
      {form.error ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {form.error}
        </p>
      ) : null}
    </div>
  );
}
