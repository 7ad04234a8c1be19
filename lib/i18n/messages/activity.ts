/**
 * The activity catalog's words (lib/activity/catalog.ts): one sentence per
 * kind, `activity.<kind>`, with ICU arguments from the row's payload plus
 * `{actor}` (the person's name). Booleans arrive as `yes`/`no` (for `select`).
 */
const ROLE_EN =
  '{ROLE, select, manager {a network manager} representative {a representative} home_member {a home member} observer {an observer} other {an adviser}}';
const ROLE_DE =
  '{ROLE, select, manager {Netzwerkmanager*in} representative {Vertreter*in} home_member {Mitglied der Heimatorganisation} observer {Beobachter*in} other {Berater*in}}';
const role = (template: string, arg: string) => template.replace('ROLE', arg);

export const activity = {
  en: {
    'activity.network.created': '{actor} created the network “{name}”',
    'activity.network.updated': '{actor} changed the network’s name or purpose',
    'activity.network.dormancyWeeksSet':
      '{actor} set that an organisation counts as dormant after {dormancyWeeks} falling weeks in a row',
    'activity.organisation.created': '{actor} added the organisation “{name}”',
    'activity.organisation.updated': '{actor} changed the details of an organisation',
    'activity.organisation.status_changed':
      '{actor} {to, select, active {set an organisation to active} paused {paused an organisation} other {marked an organisation as having left}}',
    'activity.invitation.created': `{actor} invited someone as ${role(ROLE_EN, 'role')}`,
    'activity.invitation.revoked': '{actor} revoked an invitation',
    'activity.invitation.accepted': '{actor} accepted an invitation',
    'activity.member.joined': `{actor} joined as ${role(ROLE_EN, 'role')}`,
    'activity.member.removed': '{left, select, yes {{actor} left the network} other {{actor} removed a member}}',
    'activity.member.role_changed': `{actor} made a member ${role(ROLE_EN, 'to')}`,
    'activity.goal.created': '{actor} proposed the goal “{title}”',
    'activity.goal.updated': '{actor} changed a goal (version {version, number})',
    'activity.goal.text_saved': '{actor} kept version {version, number} of a goal text',
    'activity.goal.rated': '{actor} rated a goal',
    'activity.goal.commented': '{actor} commented on a goal',
    'activity.goal.pilot_decided':
      '{actor} decided on a pilot goal: {decision, select, deepen {deepen it} repeat {repeat it} other {stop it}}',
    'activity.unit.defined': '{actor} named the unit “{label}”',
    'activity.ledger.recorded':
      '{actor} recorded an entry of {unit, select, hours {{amount, plural, one {# hour} other {# hours}}} expertise_days {{amount, plural, one {# day of expertise} other {# days of expertise}}} contacts {{amount, plural, one {# contact} other {# contacts}}} space {{amount, plural, one {# room or space} other {# rooms or spaces}}} equipment {{amount, plural, one {# piece of equipment} other {# pieces of equipment}}} money_eur {{amount, number, ::currency/EUR}} other {{amount, number} {unit}}}',
    'activity.ledger.confirmed': '{actor} confirmed a ledger entry',
    'activity.ledger.disputed': '{actor} disputed a ledger entry',
    'activity.ledger.corrected': '{actor} corrected a ledger entry',
    'activity.commitment.created': '{actor} proposed a commitment',
    'activity.commitment.committed': '{actor} made a commitment',
    'activity.commitment.approval_requested': '{actor} asked their home organisation to approve a commitment',
    'activity.commitment.delivered': '{actor} delivered a commitment',
    'activity.commitment.withdrawn': '{actor} withdrew a commitment',
    'activity.commitment.pilot_decided':
      '{actor} decided on a pilot commitment: {decision, select, deepen {deepen it} repeat {repeat it} other {stop it}}',
    'activity.account.created': '{actor} created an account',
    'activity.account.passwordChanged': '{actor} changed their password; other sessions were ended',
    'activity.account.passwordResetRequested': '{actor} asked for a link to reset their password',
    'activity.account.passwordReset': '{actor} set a new password with a reset link; all sessions were ended',
    'activity.account.signedOutEverywhere': '{actor} signed out everywhere',
    'activity.demo.seeded': 'The demo network was set up with {people, plural, one {# person} other {# people}}',
    'activity.fallback': '{actor} made a change',
    'activity.someone': 'Someone',
    'activity.open': 'Open',
  },
  de: {
    'activity.network.created': '{actor} hat das Netzwerk „{name}“ angelegt',
    'activity.network.updated': '{actor} hat Name oder Zweck des Netzwerks geändert',
    'activity.network.dormancyWeeksSet':
      '{actor} hat festgelegt, dass eine Organisation nach {dormancyWeeks} Wochen mit sinkendem Einsatz in Folge als ruhend gilt',
    'activity.organisation.created': '{actor} hat die Organisation „{name}“ aufgenommen',
    'activity.organisation.updated': '{actor} hat die Angaben einer Organisation geändert',
    'activity.organisation.status_changed':
      '{actor} hat {to, select, active {eine Organisation auf aktiv gesetzt} paused {eine Organisation pausiert} other {eine Organisation als ausgetreten markiert}}',
    'activity.invitation.created': `{actor} hat jemanden als ${role(ROLE_DE, 'role')} eingeladen`,
    'activity.invitation.revoked': '{actor} hat eine Einladung zurückgezogen',
    'activity.invitation.accepted': '{actor} hat eine Einladung angenommen',
    'activity.member.joined': `{actor} ist als ${role(ROLE_DE, 'role')} beigetreten`,
    'activity.member.removed':
      '{left, select, yes {{actor} hat das Netzwerk verlassen} other {{actor} hat ein Mitglied entfernt}}',
    'activity.member.role_changed': `{actor} hat die Rolle eines Mitglieds in ${role(ROLE_DE, 'to')} geändert`,
    'activity.goal.created': '{actor} hat das Ziel „{title}“ vorgeschlagen',
    'activity.goal.updated': '{actor} hat ein Ziel geändert (Fassung {version, number})',
    'activity.goal.text_saved': '{actor} hat Fassung {version, number} eines Zieltexts festgehalten',
    'activity.goal.rated': '{actor} hat ein Ziel bewertet',
    'activity.goal.commented': '{actor} hat ein Ziel kommentiert',
    'activity.goal.pilot_decided':
      '{actor} hat über ein Pilotziel entschieden: {decision, select, deepen {es wird vertieft} repeat {es wird wiederholt} other {es wird beendet}}',
    'activity.unit.defined': '{actor} hat die Einheit „{label}“ benannt',
    'activity.ledger.recorded':
      '{actor} hat einen Eintrag über {unit, select, hours {{amount, plural, one {# Stunde} other {# Stunden}}} expertise_days {{amount, plural, one {# Expertise-Tag} other {# Expertise-Tage}}} contacts {{amount, plural, one {# Kontakt} other {# Kontakte}}} space {{amount, plural, one {# Raum oder Fläche} other {# Räume oder Flächen}}} equipment {{amount, plural, one {# Ausstattungsstück} other {# Ausstattungsstücke}}} money_eur {{amount, number, ::currency/EUR}} other {{amount, number} {unit}}} erfasst',
    'activity.ledger.confirmed': '{actor} hat einen Eintrag bestätigt',
    'activity.ledger.disputed': '{actor} hat einen Eintrag bestritten',
    'activity.ledger.corrected': '{actor} hat einen Eintrag korrigiert',
    'activity.commitment.created': '{actor} hat eine Zusage vorgeschlagen',
    'activity.commitment.committed': '{actor} hat eine Zusage gemacht',
    'activity.commitment.approval_requested': '{actor} hat die Heimatorganisation um Freigabe einer Zusage gebeten',
    'activity.commitment.delivered': '{actor} hat eine Zusage erfüllt',
    'activity.commitment.withdrawn': '{actor} hat eine Zusage zurückgezogen',
    'activity.commitment.pilot_decided':
      '{actor} hat über eine Pilotzusage entschieden: {decision, select, deepen {es wird vertieft} repeat {es wird wiederholt} other {es wird beendet}}',
    'activity.account.created': '{actor} hat ein Konto angelegt',
    'activity.account.passwordChanged': '{actor} hat das Passwort geändert; andere Sitzungen wurden beendet',
    'activity.account.passwordResetRequested': '{actor} hat einen Link zum Zurücksetzen des Passworts angefordert',
    'activity.account.passwordReset':
      '{actor} hat mit einem Link ein neues Passwort gesetzt; alle Sitzungen wurden beendet',
    'activity.account.signedOutEverywhere': '{actor} hat sich überall abgemeldet',
    'activity.demo.seeded':
      'Das Demo-Netzwerk wurde mit {people, plural, one {# Person} other {# Personen}} eingerichtet',
    'activity.fallback': '{actor} hat etwas geändert',
    'activity.someone': 'Jemand',
    'activity.open': 'Öffnen',
  },
} as const;
