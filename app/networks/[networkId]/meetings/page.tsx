import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { CalendarFeed, MeetingSettings, MeetingsList } from '@/app/_components/meetings/meetings-list';
import { requestLocale } from '@/app/_lib/locale';
import { translator } from '@/lib/i18n';
import { feedStatus } from '@/lib/meetings/calendar-feed';
import { listMeetings } from '@/lib/meetings/get-meeting';
import { getCooperationPageContext } from '@/lib/networks/get-cooperation-page-context';
import { networkPageContext, orNotFound } from '../../_lib/load';

type Params = Promise<{ networkId: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('meetings.title') };
}

/** The network's meetings: upcoming and past, scheduling, who may schedule, the person's calendar address. */
export default async function MeetingsPage({ params }: { params: Params }) {
  const { networkId } = await params;
  const { db, actor, user, t } = await networkPageContext(networkId, `/networks/${networkId}/meetings`);
  const list = await orNotFound(listMeetings(db, actor, networkId));
  const ctx = await orNotFound(getCooperationPageContext(db, actor, networkId));
  const organisations = ctx.organisations.filter((o) => o.status !== 'left').map(({ id, name }) => ({ id, name }));
  const feed = await feedStatus(db, user.id);
  return (
    <>
      <PageHeader title={t('meetings.title')} description={t('meetings.intro')} />
      <MeetingsList
        networkId={networkId}
        upcoming={list.upcoming}
        past={list.past}
        canSchedule={list.abilities.schedule}
        organisations={organisations}
      />
      <div className="mt-section grid gap-section md:grid-cols-2">
        <CalendarFeed active={feed.active} />
        {list.abilities.settings ? (
          <MeetingSettings
            networkId={networkId}
            representativesMaySchedule={list.settings.representativesMaySchedule}
          />
        ) : null}
      </div>
    </>
  );
}
