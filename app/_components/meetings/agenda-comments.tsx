'use client';

import { useSearchParams } from 'next/navigation';
import { memo, useEffect, useState } from 'react';
import { Comments } from '@/app/_components/comments/comments';
import { useI18n } from '@/app/_components/providers';
import { Button, Card } from '@/app/_components/ui';
import { agendaSubjectId } from '@/lib/meetings/agenda-items';
import type { MeetingPage } from '@/lib/meetings/get-meeting';
import type { AgendaBlock } from './meeting-doc';

/**
 * Comments per agenda item: the items as they are in the live agenda (those
 * with an id; lib/meetings/agenda-items.ts), each with its number of comments
 * and the comments behind a button; then the commented items no longer on the
 * agenda, so what was said about them stays reachable. A link to an item
 * (`?item=<id>`, from the activity feed, "for me" or a mail) opens its
 * comments.
 */
export const AgendaComments = memo(function AgendaComments({
  networkId,
  meetingId,
  live,
  summary,
}: {
  networkId: string;
  meetingId: string;
  /** The live agenda, or null while the document loads. */
  live: AgendaBlock[] | null;
  summary: MeetingPage['agendaComments'];
}) {
  const { t } = useI18n();
  const linked = useSearchParams().get('item');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(linked ? [linked] : []));
  const seen = new Set<string>();
  const items = (live ?? []).flatMap((b) => {
    if (!b.id || seen.has(b.id)) return [];
    seen.add(b.id);
    return [{ id: b.id, title: b.title }];
  });
  const removed = summary.removed.filter((r) => !seen.has(r.itemId));

  useEffect(() => {
    if (!linked || !live) return;
    document.getElementById(`agenda-item-${linked}`)?.scrollIntoView({ block: 'start' });
  }, [linked, live]);

  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const row = (item: { id: string; title: string }) => {
    const count = summary.counts[item.id] ?? 0;
    const isOpen = open.has(item.id);
    return (
      <li
        key={item.id}
        id={`agenda-item-${item.id}`}
        className="scroll-mt-24 border-b border-stone-200 pb-3 last:border-b-0 last:pb-0"
        data-testid="agenda-item"
        data-item={item.title}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="min-w-0 font-medium break-words">{item.title}</span>
          <Button
            size="sm"
            variant="secondary"
            aria-expanded={isOpen}
            aria-controls={isOpen ? `agenda-comments-${item.id}` : undefined}
            aria-label={t('meetings.agendaComments.toggleLabel', { count, item: item.title })}
            onClick={() => toggle(item.id)}
          >
            {t('meetings.agendaComments.toggle', { count })}
          </Button>
        </div>
        {isOpen ? (
          <div id={`agenda-comments-${item.id}`} className="mt-3">
            <Comments
              networkId={networkId}
              subjectType="agenda_item"
              subjectId={agendaSubjectId(meetingId, item.id)}
              headingLevel={3}
              anchorId={`comments-${item.id}`}
              title={t('meetings.agendaComments.on', { item: item.title })}
            />
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <Card title={t('meetings.agendaComments.title')} id="agenda-comments">
      <p className="mb-3 text-stone-800">{t('meetings.agendaComments.intro')}</p>
      {live && !items.length ? <p className="text-stone-700">{t('meetings.agendaComments.empty')}</p> : null}
      {items.length ? <ul className="grid gap-3">{items.map(row)}</ul> : null}
      {removed.length ? (
        <section className="mt-5" aria-labelledby="agenda-removed-title">
          <h3 id="agenda-removed-title" className="text-base font-semibold">
            {t('meetings.agendaComments.removedTitle')}
          </h3>
          <p className="mb-2 text-sm text-stone-700">{t('meetings.agendaComments.removedIntro')}</p>
          <ul className="grid gap-3">{removed.map((r) => row({ id: r.itemId, title: r.title }))}</ul>
        </section>
      ) : null}
    </Card>
  );
});
