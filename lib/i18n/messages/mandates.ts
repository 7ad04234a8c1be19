/** Mandates, home approvals, decision paths, capacity and the "Home and network" view (lib/mandates). */
export const mandates = {
  en: {
    'activity.mandate.set':
      '{actor} {version, plural, =1 {gave a mandate} other {changed a mandate}} for {forAll, select, yes {all representatives} other {one representative}} (version {version, number})',
    'activity.mandate.capacity_set': '{actor} stated what the organisation can invest',
    'activity.commitment.home_approved': '{actor} approved a commitment for their home organisation',
    'activity.commitment.home_declined': '{actor} declined a commitment for their home organisation: {reason}',
    'activity.network.approval_days_set':
      '{actor} set the agreed time for home decisions to {approvalDays, plural, one {# day} other {# days}}',

    'mandates.errors.notFound': 'This mandate does not exist (any more).',
    'mandates.errors.dateRange': 'The date must lie between 2000 and 2100.',
    'mandates.errors.endsBeforeStart': '“Valid until” is before “valid from”: a mandate cannot end before it starts.',
    'mandates.errors.unitTwice': 'The unit {unit} is listed twice. Give each unit one line.',
    'mandates.errors.limitAbsurd':
      'This maximum cannot be right: it must be more than 0 and at most {max, number} for this unit.',
    'mandates.errors.perCommitmentOverPeriod':
      'The maximum per commitment is larger than the maximum per period: one commitment could never use it.',
    'mandates.errors.unknownGoal': 'One of the goals is not a goal of this network.',
    'mandates.errors.notRepresentative': 'This person is not a representative of the organisation.',
    'mandates.errors.overlap':
      'These people already have a mandate valid from {from} until {until}. Change that one, or let this one start after it ends.',
    'mandates.errors.staleVersion':
      'Someone changed this mandate meanwhile (now version {version, number}). Reload and make your change again.',
    'mandates.errors.nothingChanged': 'Nothing was changed.',
    'mandates.errors.noCapacity': 'No capacity was stated for this unit.',
    'mandates.errors.alreadyDecided':
      'Already decided: {name} {decision, select, approved {approved this commitment} other {declined this commitment}}. The first decision counts.',
    'mandates.errors.requestWithdrawn':
      'The representative withdrew this commitment before home decided. There is nothing left to decide.',
    'mandates.errors.notWaiting': 'This commitment does not wait for home approval.',
    'mandates.errors.approvalDays': 'The agreed time must be a whole number of days from 1 to 90.',
  },
  de: {
    'activity.mandate.set':
      '{actor} hat {version, plural, =1 {ein Mandat erteilt} other {ein Mandat geändert}} für {forAll, select, yes {alle Vertreter*innen} other {eine*n Vertreter*in}} (Version {version, number})',
    'activity.mandate.capacity_set': '{actor} hat angegeben, was die Organisation einbringen kann',
    'activity.commitment.home_approved': '{actor} hat eine Zusage für die Heimatorganisation freigegeben',
    'activity.commitment.home_declined': '{actor} hat eine Zusage für die Heimatorganisation abgelehnt: {reason}',
    'activity.network.approval_days_set':
      '{actor} hat die vereinbarte Zeit für Entscheidungen zu Hause auf {approvalDays, plural, one {# Tag} other {# Tage}} gesetzt',

    'mandates.errors.notFound': 'Dieses Mandat gibt es nicht (mehr).',
    'mandates.errors.dateRange': 'Das Datum muss zwischen 2000 und 2100 liegen.',
    'mandates.errors.endsBeforeStart':
      '„Gültig bis“ liegt vor „gültig ab“: Ein Mandat kann nicht enden, bevor es beginnt.',
    'mandates.errors.unitTwice': 'Die Einheit {unit} steht zweimal da. Bitte jede Einheit nur in einer Zeile.',
    'mandates.errors.limitAbsurd':
      'Dieser Höchstwert kann nicht stimmen: Er muss größer als 0 und höchstens {max, number} für diese Einheit sein.',
    'mandates.errors.perCommitmentOverPeriod':
      'Der Höchstwert je Zusage ist größer als der je Zeitraum: Eine Zusage könnte ihn nie ausschöpfen.',
    'mandates.errors.unknownGoal': 'Eines der Ziele ist kein Ziel dieses Netzwerks.',
    'mandates.errors.notRepresentative': 'Diese Person vertritt die Organisation nicht.',
    'mandates.errors.overlap':
      'Für diese Personen gilt schon ein Mandat vom {from} bis {until}. Ändern Sie jenes, oder lassen Sie dieses erst danach beginnen.',
    'mandates.errors.staleVersion':
      'Jemand hat dieses Mandat inzwischen geändert (jetzt Version {version, number}). Bitte neu laden und die Änderung noch einmal machen.',
    'mandates.errors.nothingChanged': 'Es wurde nichts geändert.',
    'mandates.errors.noCapacity': 'Für diese Einheit war keine Kapazität angegeben.',
    'mandates.errors.alreadyDecided':
      'Schon entschieden: {name} hat {decision, select, approved {diese Zusage freigegeben} other {diese Zusage abgelehnt}}. Es gilt die erste Entscheidung.',
    'mandates.errors.requestWithdrawn':
      'Die Vertretung hat diese Zusage zurückgezogen, bevor zu Hause entschieden wurde. Es gibt nichts mehr zu entscheiden.',
    'mandates.errors.notWaiting': 'Diese Zusage wartet nicht auf eine Freigabe von zu Hause.',
    'mandates.errors.approvalDays': 'Die vereinbarte Zeit muss eine ganze Zahl von Tagen zwischen 1 und 90 sein.',
  },
};
