'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useI18n } from '@/app/_components/providers';
import { coopKey } from '@/app/_components/cooperation/live';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  Form,
  Menu,
  TextAreaField,
  useForm,
  useToast,
  type MenuAction,
} from '@/app/_components/ui';
import { api, errorText } from '@/app/_lib/api-client';
import type { Comment } from '@/lib/comments/records';
import { MarkdownView } from './markdown-view';
import { MentionField } from './mention-field';

interface CommentsPage {
  comments: Comment[];
  abilities: { create: boolean };
}

/**
 * The comments of one subject — a goal, ledger entry, commitment or agenda
 * item (`subjectType` is a registered type of lib/comments/subjects.ts) — with
 * the form to add one, mention autocomplete, editing and deleting one's own,
 * and hiding/restoring for network managers (with a reason). Refreshes live
 * (the network shell's change feed). The network comes from the page's
 * address unless given.
 */
export function Comments({
  subjectType,
  subjectId,
  networkId: given,
  headingLevel = 2,
  anchorId = 'comments',
  title,
}: {
  subjectType: string;
  subjectId: string;
  networkId?: string;
  headingLevel?: 2 | 3;
  /** The card's id (links end in `#comments`); give each its own where a page shows several. */
  anchorId?: string;
  /** The card's heading (default "Comments"). */
  title?: string;
}) {
  const params = useParams<{ networkId: string }>();
  const networkId = given ?? params.networkId;
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const key = coopKey(networkId, 'comments', subjectType, subjectId);
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<CommentsPage>(
        `/api/networks/${networkId}/comments?subjectType=${encodeURIComponent(subjectType)}&subjectId=${encodeURIComponent(subjectId)}`,
      ),
  });
  const [body, setBody] = useState('');
  const form = useForm({
    read: () => ({ subjectType, subjectId, body }),
    submit: (b) => api.post(`/api/networks/${networkId}/comments`, b),
    onSuccess: () => {
      setBody('');
      toast(t('followUp.comments.posted'), 'success');
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  // A link to one comment (`#comment-<id>`, from "for me" or a mail) finds it once the list has loaded.
  const loaded = query.data;
  useEffect(() => {
    const hash = window.location.hash;
    if (!loaded || !hash.startsWith('#comment-')) return;
    if (loaded.comments.some((c) => `#comment-${c.id}` === hash))
      document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [loaded]);

  return (
    <Card title={title ?? t('followUp.comments.title')} id={anchorId} headingLevel={headingLevel}>
      {query.isError ? <Alert tone="error">{errorText(query.error, t)}</Alert> : null}
      {query.data && query.data.comments.length === 0 ? (
        <p className="mb-4 text-stone-700">{t('followUp.comments.empty')}</p>
      ) : null}
      <ol className="mb-4 grid gap-3" aria-label={t('followUp.comments.title')}>
        {(query.data?.comments ?? []).map((c) => (
          <CommentItem key={c.id} networkId={networkId} comment={c} onChanged={refresh} />
        ))}
      </ol>
      {query.data?.abilities.create ? (
        <Form form={form}>
          <MentionField networkId={networkId} label={t('followUp.comments.new')} value={body} onChange={setBody} />
          <Button type="submit" busy={form.busy} className="mt-2">
            {t('followUp.comments.submit')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function CommentItem({
  networkId,
  comment: c,
  onChanged,
}: {
  networkId: string;
  comment: Comment;
  onChanged: () => void;
}) {
  const { t, f } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.body ?? '');
  const [confirm, setConfirm] = useState<'delete' | 'hide' | null>(null);
  const [reason, setReason] = useState('');
  const base = `/api/networks/${networkId}/comments/${c.id}`;
  const edit = useForm({
    read: () => ({ body: text }),
    submit: (b) => api.patch(base, b),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const act = useMutation({
    mutationFn: (what: 'delete' | 'hide' | 'restore') =>
      what === 'delete'
        ? api.delete(base)
        : what === 'hide'
          ? api.post(`${base}/hide`, { reason })
          : api.post(`${base}/restore`, {}),
    onSuccess: () => {
      setConfirm(null);
      setReason('');
      onChanged();
    },
  });
  const actions: MenuAction[] = [
    ...(c.abilities.edit ? [{ id: 'edit', label: t('followUp.comments.edit'), onAction: () => setEditing(true) }] : []),
    ...(c.abilities.hide
      ? [{ id: 'hide', label: t('followUp.comments.hide'), onAction: () => setConfirm('hide') }]
      : []),
    ...(c.abilities.restore
      ? [{ id: 'restore', label: t('followUp.comments.restore'), onAction: () => act.mutate('restore') }]
      : []),
    ...(c.abilities.delete
      ? [{ id: 'delete', label: t('followUp.comments.delete'), danger: true, onAction: () => setConfirm('delete') }]
      : []),
  ];
  return (
    <li
      id={`comment-${c.id}`}
      className={`scroll-mt-24 rounded-control border p-3 ${c.hidden ? 'border-amber-400 bg-amber-50' : 'border-stone-300'}`}
      data-testid="comment"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-sm text-stone-700">
          <span className="font-medium text-stone-900">{c.authorName}</span> ·{' '}
          <time dateTime={new Date(c.createdAt).toISOString()}>{f.dateTime(c.createdAt)}</time>
          {c.editedAt ? ` · ${t('followUp.comments.edited')}` : ''}
        </p>
        {actions.length && !editing ? (
          <Menu label={t('followUp.comments.actions', { name: c.authorName })} actions={actions} />
        ) : null}
      </div>
      {c.hidden && c.hiding ? (
        <p className="mt-1 text-sm font-medium text-amber-900">
          {t('followUp.comments.hiddenNotice', {
            name: c.hiding.byName,
            when: f.dateTime(c.hiding.at),
            reason: c.hiding.reason,
          })}
        </p>
      ) : null}
      {c.deleted ? (
        <p className="mt-1 italic text-stone-700">{t('followUp.comments.deleted')}</p>
      ) : editing ? (
        <Form form={edit} className="mt-2">
          <MentionField
            networkId={networkId}
            label={t('followUp.comments.editLabel')}
            value={text}
            onChange={setText}
            autoFocus
          />
          <div className="mt-2 flex gap-2">
            <Button type="submit" busy={edit.busy} size="sm">
              {t('followUp.comments.save')}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setEditing(false)}>
              {t('followUp.comments.cancel')}
            </Button>
          </div>
        </Form>
      ) : (
        <div className="mt-1">
          <MarkdownView text={c.body ?? ''} />
        </div>
      )}
      {act.isError && !confirm ? <Alert tone="error">{errorText(act.error, t)}</Alert> : null}
      <ConfirmDialog
        isOpen={confirm === 'delete'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={t('followUp.comments.deleteTitle')}
        confirmLabel={t('followUp.comments.delete')}
        variant="danger"
        busy={act.isPending}
        error={act.isError ? errorText(act.error, t) : null}
        onConfirm={() => act.mutate('delete')}
      >
        <p>{t('followUp.comments.deleteBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirm === 'hide'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={t('followUp.comments.hideTitle')}
        confirmLabel={t('followUp.comments.hide')}
        variant="danger"
        busy={act.isPending}
        error={act.isError ? errorText(act.error, t) : null}
        onConfirm={() => act.mutate('hide')}
      >
        <p className="mb-3">{t('followUp.comments.hideBody')}</p>
        <TextAreaField
          label={t('followUp.comments.reason')}
          name="reason"
          rows={2}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ConfirmDialog>
    </li>
  );
}
