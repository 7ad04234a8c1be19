import type { Metadata } from 'next';
import { Alert, Card, LinkButton, PageHeader } from '@/app/_components/ui';
import { requestLocale } from '@/app/_lib/locale';
import { SignInForm } from '@/app/(auth)/signin/sign-in-form';
import { SignUpForm } from '@/app/(auth)/signup/sign-up-form';
import { getSessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n';
import { previewInvitation } from '@/lib/networks';
import { can } from '@/lib/policies';
import { loadActor } from '@/lib/policies/load-actor';
import { AcceptInvitation } from './accept-invitation';

type Params = Promise<{ token: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale())('networks.accept.title'), referrer: 'no-referrer' };
}

/**
 * The invitation page: what the invitation is for, then (signed out) sign up
 * or sign in right here, then accept. Used, withdrawn and expired invitations
 * get a page of their own that says so.
 */
export default async function InvitePage({ params }: { params: Params }) {
  const { token } = await params;
  const [locale, user, db] = await Promise.all([requestLocale(), getSessionUser(), getDb()]);
  const t = translator(locale);
  const preview = await previewInvitation(db, token);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (!preview || preview.state !== 'pending') {
    const key = !preview
      ? 'invitationNotFound'
      : preview.state === 'used'
        ? 'invitationUsed'
        : preview.state === 'revoked'
          ? 'invitationRevoked'
          : 'invitationExpired';
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title={t(`networks.accept.${key}Title`)} />
        <Alert tone="warning">{t(`networks.errors.${key}`)}</Alert>
        {preview ? (
          <p className="text-stone-700">
            {t('networks.accept.askInviter', { name: preview.inviterName, network: preview.networkName })}
          </p>
        ) : null}
        <div className="mt-6">
          <LinkButton href={user ? '/networks' : '/'} variant="secondary">
            {user ? t('networks.accept.toNetworks') : t('networks.accept.toStart')}
          </LinkButton>
        </div>
      </div>
    );
  }

  const role = t(`networks.role.${preview.role}`);
  const isMember =
    !!user &&
    can(await loadActor(db, user.id, preview.networkId), 'network.read', {
      type: 'network',
      networkId: preview.networkId,
    });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('networks.accept.heading', { network: preview.networkName })} />
      <Card title={t('networks.accept.details')} id="invitation">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="font-medium">{t('networks.accept.network')}</dt>
          <dd data-testid="invite-network">{preview.networkName}</dd>
          <dt className="font-medium">{t('networks.accept.role')}</dt>
          <dd data-testid="invite-role">{role}</dd>
          {preview.organisationName ? (
            <>
              <dt className="font-medium">{t('networks.accept.organisation')}</dt>
              <dd data-testid="invite-organisation">{preview.organisationName}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t('networks.accept.inviter')}</dt>
          <dd>{preview.inviterName}</dd>
        </dl>
        {preview.emailBound ? <p className="mt-3 text-sm text-stone-700">{t('networks.accept.emailBound')}</p> : null}
        {user ? (
          <div className="mt-6">
            <p className="mb-3">{t('networks.accept.signedInAs', { name: user.name, email: user.email })}</p>
            {isMember ? (
              <>
                <Alert tone="info">{t('networks.errors.alreadyMember')}</Alert>
                <LinkButton href={`/networks/${preview.networkId}`}>{t('networks.accept.openNetwork')}</LinkButton>
              </>
            ) : (
              <AcceptInvitation token={token} />
            )}
          </div>
        ) : null}
      </Card>
      {user ? null : (
        <>
          <p className="my-6 text-stone-800">{t('networks.accept.signInFirst')}</p>
          <div className="grid gap-6 md:grid-cols-2">
            <Card title={t('networks.accept.newHere')} id="signup">
              <SignUpForm callbackPath={here} />
            </Card>
            <Card title={t('networks.accept.haveAccount')} id="signin">
              <SignInForm callbackPath={here} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
