'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  Dialog,
  EmptyState,
  FormError,
  Menu,
  SelectField,
  TextField,
  useToast,
  type BadgeTone,
} from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import type { Abilities } from '@/lib/policies';
import { ORG_ROLES, ROLES as ALL_ROLES, type Role } from '@/lib/policies/actor';
import type { InvitationSummary, Person } from '@/lib/networks/queries';
import { ApiError, request, errorText } from '@/app/_lib/api-client';

interface Props {
  networkId: string;
  meId: string;
  locale: 'en' | 'de';
  abilities: Abilities;
  /** Organisations the actor may invite into (active ones). */
  organisations: { id: string; name: string }[];
  orgNames: Record<string, string>;
  initialMembers: Person[];
  initialInvitations: InvitationSummary[];
}

const ROLE_TONE: Record<Role, BadgeTone> = {
  manager: 'brand',
  representative: 'info',
  home_member: 'neutral',
  observer: 'neutral',
  adviser: 'warning',
};

/**
 * People of the network: a list with role badges and each person's actions in
 * a menu ("Change role…", "Remove…", each in a dialog), a search over names,
 * e-mail addresses, roles and organisations; inviting behind a button; the
 * pending invitations.
 */
export function PeopleManager(props: Props) {
  const { networkId } = props;
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const members = useQuery({
    queryKey: ['networks', networkId, 'members'],
    queryFn: () => request<{ members: Person[] }>('GET', `/api/networks/${networkId}/members`).then((r) => r.members),
    initialData: props.initialMembers,
  });
  const invitations = useQuery({
    queryKey: ['networks', networkId, 'invitations'],
    queryFn: () =>
      request<{ invitations: InvitationSummary[] }>('GET', `/api/networks/${networkId}/invitations`).then(
        (r) => r.invitations,
      ),
    initialData: props.initialInvitations,
  });
  const pending = invitations.data.filter((i) => i.state === 'pending');
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = members.data.filter((m) => {
    if (!words.length) return true;
    const text = [
      m.name,
      m.email ?? '',
      t(`networks.role.${m.role}`),
      m.organisationId ? (props.orgNames[m.organisationId] ?? '') : '',
    ]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });

  return (
    <div className="grid gap-6">
      <div>
        <Dialog title={t('networks.invite.title')} size="lg" trigger={<Button>{t('networks.invite.title')}</Button>}>
          {() => <InviteForm {...props} />}
        </Dialog>
      </div>
      <Card title={t('networks.people.members')} id="members">
        <div className="mb-4 max-w-md">
          <TextField
            label={t('pages.people.search')}
            hint={t('pages.people.searchHint')}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <p className="mb-2 text-sm text-stone-700" aria-live="polite">
          {words.length
            ? t('pages.people.found', { count: shown.length, total: members.data.length })
            : t('pages.people.count', { count: members.data.length })}
        </p>
        {shown.length === 0 ? (
          <EmptyState title={t('pages.people.noneFound')} description={t('pages.people.noneFoundHint')} />
        ) : (
          <ul className="divide-y divide-stone-200" data-testid="people-list">
            {shown.map((m) => (
              <MemberRow key={m.userId} {...props} member={m} />
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('networks.invite.pending')} id="pending">
        {pending.length === 0 ? (
          <p className="text-stone-700">{t('networks.invite.nonePending')}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {pending.map((i) => (
              <PendingInvitation key={i.id} networkId={networkId} invitation={i} locale={props.locale} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function InviteForm({ networkId, abilities, organisations, locale }: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const roles = abilities.inviteRoles as Role[];
  const [role, setRole] = useState<Role>(roles.includes('representative') ? 'representative' : roles[0]);
  const [result, setResult] = useState<{ link: string; email: string | null; mailed: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const needsOrg = ORG_ROLES.includes(role);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      request<{ link: string; mailed: boolean; invitation: { email: string | null } }>(
        'POST',
        `/api/networks/${networkId}/invitations`,
        body,
      ),
    onSuccess: (r) => {
      setResult({ link: r.link, email: r.invitation.email, mailed: r.mailed });
      setCopied(false);
      void qc.invalidateQueries({ queryKey: ['networks', networkId, 'invitations'] });
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setResult(null);
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    create.mutate({
      role,
      organisationId: needsOrg ? String(form.get('organisationId') ?? '') || null : null,
      email: email || null,
      locale: String(form.get('mailLocale') ?? locale),
    });
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  if (needsOrg && organisations.length === 0 && roles.every((r) => ORG_ROLES.includes(r))) {
    return <Alert tone="info">{t('networks.invite.noActiveOrganisation')}</Alert>;
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={create.error ? errorText(create.error, t) : null} />
      <SelectField
        label={t('networks.invite.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        options={roles.map((r) => ({ value: r, label: t(`networks.role.${r}`) }))}
        error={fields.role}
      />
      {needsOrg ? (
        <SelectField
          label={t('networks.invite.organisation')}
          name="organisationId"
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          error={fields.organisationId}
        />
      ) : null}
      <TextField
        label={t('networks.invite.email')}
        hint={t('networks.invite.emailHint')}
        name="email"
        type="email"
        autoComplete="off"
        optionalLabel={t('common.optional')}
        error={fields.email}
      />
      <SelectField
        label={t('networks.invite.mailLocale')}
        name="mailLocale"
        defaultValue={locale}
        options={[
          { value: 'de', label: 'Deutsch' },
          { value: 'en', label: 'English' },
        ]}
      />
      <Button type="submit" busy={create.isPending}>
        {create.isPending ? t('common.saving') : t('networks.invite.submit')}
      </Button>
      {result ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          className="mt-4 rounded-md border border-green-700 bg-green-50 p-3"
          role="status"
        >
          <p className="font-semibold">
            {result.email
              ? result.mailed
                ? t('networks.invite.mailed', { email: result.email })
                : t('networks.invite.mailFailed', { email: result.email })
              : t('networks.invite.linkReady')}
          </p>
          <p className="mt-1 text-sm">{t('networks.invite.linkOnce')}</p>
          <label htmlFor="invite-link" className="mt-2 block text-sm font-medium">
            {t('networks.invite.link')}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="invite-link"
              readOnly
              value={result.link}
              className="min-w-0 flex-1 rounded-md border border-stone-500 bg-white px-2 py-1 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button variant="secondary" size="sm" onClick={() => copy(result.link)}>
              {copied ? t('networks.invite.copied') : t('networks.invite.copy')}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function PendingInvitation({
  networkId,
  invitation: i,
  locale,
}: {
  networkId: string;
  invitation: InvitationSummary;
  locale: 'en' | 'de';
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => request('DELETE', `/api/networks/${networkId}/invitations/${i.id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['networks', networkId, 'invitations'] }),
  });
  const until = new Date(i.expiresAt).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const label = `${t(`networks.role.${i.role}`)}${i.organisationName ? ` · ${i.organisationName}` : ''}`;
  return (
    <li className="py-3" data-testid="pending-invitation">
      <p className="font-medium">{label}</p>
      <p className="text-sm text-stone-700">
        {i.email ?? t('networks.invite.byLink')} · {t('networks.invite.createdBy', { name: i.createdBy.name })} ·{' '}
        {t('networks.invite.validUntil', { date: until })}
      </p>
      <FormError message={revoke.error ? errorText(revoke.error, t) : null} />
      {i.abilities.revoke ? (
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          busy={revoke.isPending}
          onClick={() => revoke.mutate()}
          aria-label={t('networks.invite.revokeLabel', { what: label })}
        >
          {t('networks.invite.revoke')}
        </Button>
      ) : null}
    </li>
  );
}

function MemberRow({ networkId, meId, organisations, orgNames, member: m }: Props & { member: Person }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const [dialog, setDialog] = useState<'role' | 'remove' | null>(null);
  const [role, setRole] = useState<Role>(m.role);
  const [orgId, setOrgId] = useState<string>(m.organisationId ?? organisations[0]?.id ?? '');
  const refresh = () => qc.invalidateQueries({ queryKey: ['networks', networkId, 'members'] });
  const change = useMutation({
    mutationFn: () =>
      request('PATCH', `/api/networks/${networkId}/members/${m.userId}`, {
        role,
        organisationId: ORG_ROLES.includes(role) ? orgId || null : null,
      }),
    onSuccess: () => {
      setDialog(null);
      toast(t('pages.people.roleChanged', { name: m.name, role: t(`networks.role.${role}`) }));
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => request('DELETE', `/api/networks/${networkId}/members/${m.userId}`),
    onSuccess: () => {
      setDialog(null);
      toast(t('pages.people.removed', { name: m.name }));
      return refresh();
    },
  });

  const orgName = m.organisationId ? orgNames[m.organisationId] : null;
  const orgOptions = [...organisations];
  if (m.organisationId && !orgOptions.some((o) => o.id === m.organisationId))
    orgOptions.unshift({ id: m.organisationId, name: orgName ?? '' });
  const actions = [
    ...(m.abilities.changeRole
      ? [
          {
            id: 'role',
            label: t('pages.people.changeRole'),
            onAction: () => {
              change.reset();
              setRole(m.role);
              setDialog('role');
            },
          },
        ]
      : []),
    ...(m.abilities.remove
      ? [
          {
            id: 'remove',
            label: t('pages.people.remove'),
            danger: true,
            onAction: () => {
              remove.reset();
              setDialog('remove');
            },
          },
        ]
      : []),
  ];

  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member">
      <div className="min-w-0">
        <p>
          <span className="font-medium">{m.name}</span>
          {m.userId === meId ? <span className="text-sm text-stone-700"> ({t('networks.people.you')})</span> : null}
        </p>
        {m.email ? <p className="text-sm text-stone-700">{m.email}</p> : null}
        <p className="mt-1 flex flex-wrap items-center gap-2">
          <Badge tone={ROLE_TONE[m.role]} data-role={m.role}>
            {t(`networks.role.${m.role}`)}
          </Badge>
          {orgName ? <span className="text-sm text-stone-800">{orgName}</span> : null}
        </p>
      </div>
      {actions.length ? (
        <Menu label={t('pages.people.actionsFor', { name: m.name })} actions={actions}>
          {t('pages.people.actions')}
          <span aria-hidden="true">▾</span>
        </Menu>
      ) : null}
      <Dialog
        title={t('networks.people.changeRoleFor', { name: m.name })}
        isOpen={dialog === 'role'}
        onOpenChange={(open) => setDialog(open ? 'role' : null)}
      >
        {(close) => (
          <form
            aria-label={t('networks.people.changeRoleFor', { name: m.name })}
            onSubmit={(e) => {
              e.preventDefault();
              change.mutate();
            }}
          >
            <FormError message={change.error ? errorText(change.error, t) : null} />
            <SelectField
              label={t('networks.invite.role')}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              options={ALL_ROLES.map((r) => ({ value: r, label: t(`networks.role.${r}`) }))}
            />
            {ORG_ROLES.includes(role) ? (
              <SelectField
                label={t('networks.invite.organisation')}
                value={orgId}
                onChange={(e) => setOrgId(e.target.value)}
                options={orgOptions.map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : null}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" busy={change.isPending}>
                {t('networks.people.changeRole')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
      <ConfirmDialog
        title={t('pages.people.removeTitle', { name: m.name })}
        isOpen={dialog === 'remove'}
        onOpenChange={(open) => setDialog(open ? 'remove' : null)}
        confirmLabel={t('networks.people.confirmRemoveYes')}
        variant="danger"
        busy={remove.isPending}
        error={remove.error ? errorText(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
      >
        {t('networks.people.confirmRemove', { name: m.name })}
      </ConfirmDialog>
    </li>
  );
}
