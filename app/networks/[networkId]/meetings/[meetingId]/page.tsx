import type { Metadata } from 'next';
import { MeetingView } from '@/app/_components/meetings/meeting-view';
import { env } from '@/lib/env';
import { documentAccess } from '@/lib/meetings/doc-access';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { getNetworkHome } from '@/lib/networks';
import { networkPageContext, orNotFound } from '../../../_lib/load';

type Params = Promise<{ networkId: string; meetingId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { networkId, meetingId } = await params;
  const { db, actor, t } = await networkPageContext(networkId, `/networks/${networkId}/meetings/${meetingId}`);
  const page = await getMeeting(db, actor, networkId, meetingId).catch(() => null);
  return { title: page ? page.meeting.title : t('meetings.title') };
}

/** One meeting: agenda and live minutes, attendance, decisions, action items, approval. Members only. */
export default async function MeetingPage({ params }: { params: Params }) {
  const { networkId, meetingId } = await params;
  const { db, actor, user } = await networkPageContext(networkId, `/networks/${networkId}/meetings/${meetingId}`);
  const page = await orNotFound(getMeeting(db, actor, networkId, meetingId));
  const access = await documentAccess(db, actor, { kind: 'meeting', networkId, meetingId: page.meeting.id });
  const home = await orNotFound(getNetworkHome(db, actor, networkId));
  const myOrg = home.organisations.find((o) => o.id === home.me.organisationId);
  const organisations = page.meeting.abilities.moderate
    ? home.organisations.filter((o) => o.status !== 'left').map(({ id, name }) => ({ id, name }))
    : undefined;
  return (
    <MeetingView
      networkId={networkId}
      initial={page}
      organisations={organisations}
      realtimeUrl={env().realtimeUrl}
      access={access === 'write' ? 'write' : 'read'}
      self={{ id: user.id, name: user.name, organisation: myOrg?.name ?? null }}
    />
  );
}
