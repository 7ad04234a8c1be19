/** Mandates, home approvals, decision paths, capacity and the "Home and network" view (lib/mandates). */
export const mandates = {
  en: {
    'activity.mandate.set':
      '{actor} {version, plural, =1 {gave a mandate} other {changed a mandate}} for {forAll, select, yes {all representatives} other {one representative}} (version {version, number})',
    'activity.mandate.capacity_set': '{actor} stated what the organisation can invest',
    'activity.commitment.home_approved': '{actor} approved a commitment for their home organisation',
    'activity.commitment.home_declined': '{actor} declined a commitment for their home organisation: {reason}',
    'activity.ledger.home_approval_requested':
      '{actor} recorded a gift beyond their mandate ({amount, number} {unit}): it waits for their home organisation',
    'activity.ledger.home_approved': '{actor} approved a gift for their home organisation ({amount, number} {unit})',
    'activity.ledger.home_declined':
      '{actor} declined a gift for their home organisation ({amount, number} {unit}): {reason}',
    'activity.network.approval_days_set':
      '{actor} set the agreed time for home decisions to {approvalDays, plural, one {# day} other {# days}}',

    'mandates.errors.notFound': 'This mandate does not exist (any more).',
    'mandates.errors.dateRange':
      '{field, select, validUntil {“Valid until”} other {“Valid from”}} must lie between the years 2000 and 2100.',
    'mandates.errors.endsBeforeStart': '“Valid until” is before “valid from”: a mandate cannot end before it starts.',
    'mandates.errors.unitTwice': 'The unit {unit} is listed twice. Give each unit one line.',
    'mandates.errors.limitAbsurd':
      '{which, select, perPeriod {The maximum per month or quarter} capacity {What you can invest} other {The maximum per commitment}} cannot be right: it must be more than 0 and at most {max, number} for this unit.',
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
      'Already decided: {name} {decision, select, approved {approved {what, select, gift {this gift} other {this commitment}}} other {declined {what, select, gift {this gift} other {this commitment}}}}. The first decision counts.',
    'mandates.errors.requestWithdrawn':
      'The representative withdrew {what, select, gift {this gift} other {this commitment}} before home decided. There is nothing left to decide.',
    'mandates.errors.notWaiting':
      '{what, select, gift {This gift} other {This commitment}} does not wait for home approval.',
    'mandates.errors.approvalDays': 'The agreed time must be a whole number of days from 1 to 90.',
    'mandates.errors.notCorrectable.awaiting_home_approval':
      'This entry still waits for your home organisation and counts nowhere yet: there is nothing to correct.',
    'mandates.errors.notCorrectable.withdrawn':
      'Your home organisation declined this entry: it counts nowhere, there is nothing to correct.',
    'mandates.errors.limitNeedsMaximum':
      'Give this unit a maximum per commitment, a maximum per month or quarter, or both.',
    'mandates.errors.reasonNeeded': 'Please say in a few words why you decline (at least 3 characters).',
    'field.validFrom': 'Valid from',
    'field.validUntil': 'Valid until',
    'field.limits': 'Maxima',
    'field.perCommitment': 'Maximum per commitment',
    'field.perPeriod': 'Maximum per month or quarter',
    'field.period': 'Month or quarter',
    'field.goalIds': 'Goals',
    'field.scopeNote': 'Note on the scope',
    'field.disclosure': 'What other organisations see',
    'field.coversGifts': 'Gifts in the ledger',
    'field.representativeId': 'Representative',
    'field.approvalDays': 'Agreed time for a home decision',

    'mandates.forAll': 'All representatives',
    'mandates.duration':
      '{unit, select, days {{n, plural, one {# day} other {# days}}} hours {{n, plural, one {# hour} other {# hours}}} other {{n, plural, one {# minute} other {# minutes}}}}',
    'mandates.state.valid': 'Valid',
    'mandates.state.upcoming': 'Not yet valid',
    'mandates.state.expired': 'Expired',
    'mandates.reason.expired': 'the mandate has expired',
    'mandates.reason.goal': 'the goal is not one the mandate covers',
    'mandates.reason.noGoal': 'no goal is named, and the mandate covers only its goals',
    'mandates.reason.unit': 'the mandate names no maximum for this unit',
    'mandates.reason.perCommitment': 'more than the maximum per commitment',
    'mandates.reason.perPeriod': 'more than is left for this period',
    'mandates.field.created': 'given',
    'mandates.field.validFrom': 'valid from',
    'mandates.field.validUntil': 'valid until',
    'mandates.field.limits': 'maxima',
    'mandates.field.goalIds': 'goals',
    'mandates.field.coversGifts': 'gifts in the ledger',
    'mandates.field.scopeNote': 'note on the scope',
    'mandates.field.disclosure': 'what others see',

    'mandates.home.title': 'Home and network',
    'mandates.home.pageTitle': 'Home and network · {organisation}',
    'mandates.home.intro':
      'What {organisation} gives and gets, promises and may decide, side by side. Only the people of {organisation} can open this page.',

    'mandates.approvals.title': 'Waiting for our decision',
    'mandates.approvals.times':
      'Our home decisions took {median} (median) and at most {longest}, over {count, plural, one {# decision} other {# decisions}}.',
    'mandates.approvals.noneDecided': 'No home decision has been made yet.',
    'mandates.approvals.agreed':
      'The network agreed that home decides within {days, plural, one {# day} other {# days}}.',
    'mandates.approvals.none': 'Nothing waits for a home decision.',
    'mandates.approvals.noneHint':
      'When a representative commits more than the mandate allows (or records a gift beyond a mandate that covers gifts), it waits here until a home member approves or declines it.',
    'mandates.approvals.asked': 'Asked by {name}, waiting for {waited}.',
    'mandates.approvals.late': 'Longer than agreed',
    'mandates.approvals.waitingSince': '(since {when})',
    'mandates.approvals.why': 'Beyond the mandate: {why}.',

    'mandates.decision.approve': 'Approve',
    'mandates.decision.decline': 'Decline',
    'mandates.decision.note': 'Note',
    'mandates.decision.noteHint': 'Kept with the decision for your organisation.',
    'mandates.decision.reason': 'Reason',
    'mandates.decision.reasonHint': 'The commitment is withdrawn; the network sees this reason with it.',
    'mandates.decision.confirmApprove': 'Approve and commit',
    'mandates.decision.confirmDecline': 'Decline and withdraw',

    'mandates.hint.enterAmount': 'Enter an amount to see whether it is within your mandate.',
    'mandates.hint.noMandate':
      'Your home organisation has given no mandate that applies to you: the commitment is made at once.',
    'mandates.hint.within': 'Within your mandate: it is committed at once.',
    'mandates.hint.perOne': 'At most {max} per commitment.',
    'mandates.hint.left': '{period, select, quarter {This quarter} other {This month}} {left} of {max} are left.',
    'mandates.hint.beyond': 'Beyond your mandate ({why}): it will wait until your home organisation approves it.',
    'mandates.hint.createdWaiting': 'Saved. It waits for approval by your home organisation.',
    'mandates.needs.homeApprovalGift':
      '{person} recorded a gift of {amount, number} {unit} to {receiver} beyond the mandate: your organisation decides',
    'mandates.gift.badge': 'Gift in the ledger',
    'mandates.gift.to': 'to {name}',
    'mandates.gift.hint.noMandate':
      'No mandate of your home organisation covers gifts in the ledger: the entry goes to the other side at once.',
    'mandates.gift.hint.within': 'Within your mandate: the entry goes to the other side at once.',
    'mandates.gift.hint.perOne': 'At most {max} per entry.',
    'mandates.gift.hint.left':
      '{period, select, quarter {This quarter} other {This month}} {left} of {max} are left for gifts.',
    'mandates.gift.hint.beyond':
      'Beyond your mandate ({why}): the entry will wait until your home organisation approves it.',
    'mandates.gift.recordedWaiting':
      'Saved. The entry waits for approval by your home organisation; then the other side can confirm it.',
    'mandates.gift.waiting': 'Waiting for home approval',
    'mandates.gift.declined': 'Declined by the home organisation',
    'mandates.gift.declinedReason': 'Declined by the home organisation: {reason}',
    'mandates.gift.reasonHint': 'The entry is withdrawn; the network sees this reason with it.',
    'mandates.gift.confirmApprove': 'Approve: pass it on',
    'mandates.form.coversGifts': 'Gifts in the ledger are held to this mandate too',
    'mandates.form.coversGiftsHint':
      'A gift recorded for the organisation then counts like a commitment: more than the maximum per commitment in one entry, more than is left for gifts this month or quarter, another goal or an expired mandate, and it waits for a home decision.',
    'mandates.coversGifts': 'Gifts in the ledger are held to it too.',

    'mandates.promised.title': 'Promised, against capacity and mandate',
    'mandates.promised.period': '({period, select, quarter {this quarter} other {this month}}: {from} to {to})',
    'mandates.promised.promised': 'Promised {promised}: {open} open, {delivered} delivered.',
    'mandates.promised.capacity': 'We can invest {capacity}.',
    'mandates.promised.capacityLeft': '{left} of it still free.',
    'mandates.promised.over': '{over} more than we can invest',
    'mandates.promised.noCapacity': 'Home has not said what it can invest in this unit.',
    'mandates.promised.mandate':
      'Mandate of {who}: {used} of {limit} used {period, select, quarter {this quarter} other {this month}}, {left} left.',
    'mandates.promised.none': 'No capacity and no mandate yet.',
    'mandates.promised.noneHome':
      'State what your organisation can invest per month or quarter, and give your representatives a mandate, to compare them with what is promised.',
    'mandates.promised.noneRep':
      'Your home organisation has not stated a capacity or given a mandate yet. Ask a home member of your organisation.',

    'mandates.capacity.title': 'What we can invest',
    'mandates.capacity.intro':
      'Per unit, what your organisation can invest in the network per month or quarter. A new figure replaces the old one.',
    'mandates.capacity.state': 'State capacity',
    'mandates.capacity.amount': 'Amount per period',
    'mandates.capacity.amountHint': 'Leave it empty to remove the figure for this unit.',
    'mandates.capacity.note': 'Note',
    'mandates.capacity.save': 'Save capacity',
    'mandates.capacity.saved': 'Capacity saved.',

    'mandates.section.title': 'Mandates',
    'mandates.section.introHome':
      'The room your representatives have to commit without asking. Beyond it, a commitment waits for a home member’s decision.',
    'mandates.section.introRep':
      'The room you have to commit without asking home. Beyond it, a commitment waits for a home member’s decision.',
    'mandates.section.none': 'No mandate yet.',
    'mandates.section.noneHome':
      'Without a mandate your representatives commit without asking. Give one to set limits per unit and period.',
    'mandates.section.noneRep':
      'Your home organisation has given no mandate: you commit without asking. Home members can give one.',
    'mandates.section.forOne': 'For {name}',
    'mandates.section.validRange': 'Valid from {from} until {until}',
    'mandates.section.validOpen': 'Valid from {from}, until home ends it',
    'mandates.section.perCommitment': 'at most {max} per commitment',
    'mandates.section.perPeriod': 'at most {max} {period, select, quarter {per quarter} other {per month}}',
    'mandates.section.goals': 'Covers the goals: {goals}',
    'mandates.section.allGoals': 'Covers every goal of the network.',
    'mandates.section.disclosedExists': 'Other organisations see only that it exists and until when.',
    'mandates.section.disclosedLimits': 'Other organisations see its maxima and goals too (not this note).',
    'mandates.section.version': 'Version {version, number}, last changed by {name} on {when}.',

    'mandates.history.show': 'History',
    'mandates.history.line': 'Version {version, number}: {name}, {when} ({what})',

    'mandates.form.give': 'Give a mandate',
    'mandates.form.giveTitle': 'Give a mandate',
    'mandates.form.change': 'Change',
    'mandates.form.changeTitle': 'Change the mandate',
    'mandates.form.forWhom': 'For whom',
    'mandates.form.validFrom': 'Valid from',
    'mandates.form.validUntil': 'Valid until',
    'mandates.form.validUntilHint': 'Empty: until home ends it. Set it to today to end the mandate.',
    'mandates.form.limits': 'Maxima per unit',
    'mandates.form.limitsHint':
      'For each unit, a maximum per commitment, per month or quarter, or both. A unit not listed always needs home approval.',
    'mandates.form.unit': 'Unit',
    'mandates.form.perCommitment': 'Per commitment',
    'mandates.form.perPeriod': 'Per period',
    'mandates.form.period': 'Period',
    'mandates.form.month': 'Month',
    'mandates.form.quarter': 'Quarter',
    'mandates.form.addUnit': 'Add a unit',
    'mandates.form.removeUnit': 'Remove this unit',
    'mandates.form.goals': 'Goals it covers',
    'mandates.form.goalsHint': 'None ticked: every goal. Commitments to other goals wait for home.',
    'mandates.form.noGoals': 'Your organisation takes part in no open goal yet.',
    'mandates.form.scopeNote': 'Note on its scope',
    'mandates.form.scopeNoteHint': 'What it is meant for, in plain words. Only your organisation sees it.',
    'mandates.form.disclosure': 'What other organisations see',
    'mandates.form.disclosureExists': 'Only that a mandate exists and until when',
    'mandates.form.disclosureLimits': 'Also its maxima and goals',
    'mandates.form.save': 'Give the mandate',
    'mandates.form.saveChange': 'Save the change',
    'mandates.form.given': 'Mandate given.',
    'mandates.form.changed': 'Mandate changed: a new version was kept.',

    'mandates.exchange.title': 'What we gave and got',
    'mandates.exchange.period': 'Confirmed entries from {from} to {to}.',
    'mandates.exchange.unit': 'Gave {gave}, got {got}',
    'mandates.exchange.partners': 'Given and received per partner and unit',
    'mandates.exchange.partner': 'Partner',
    'mandates.exchange.gave': 'We gave',
    'mandates.exchange.got': 'We got',
    'mandates.exchange.network': 'The network as a whole',
    'mandates.exchange.none': 'No confirmed give and take in this period.',
    'mandates.exchange.noneHint': 'Entries count here once the other side has confirmed them in the ledger.',

    'mandates.ratings.title': 'Our ratings against the network’s',
    'mandates.ratings.intro':
      'Attractive · concrete · flexible (1 to 5): our rating of each goal beside the other organisations’ average, where we differ most first.',
    'mandates.ratings.goal': 'Goal',
    'mandates.ratings.ours': 'Ours',
    'mandates.ratings.network': 'The others',
    'mandates.ratings.difference': 'Difference',
    'mandates.ratings.noOthers': 'No other rating yet',
    'mandates.ratings.none': 'We have not rated a goal yet.',
    'mandates.ratings.noneHint': 'Rate goals on their pages to see where we see them differently from the network.',

    'mandates.paths.title': 'Home decisions',
    'mandates.paths.noneDecided': 'No commitment of this organisation has waited for a home decision yet.',
    'mandates.paths.open':
      '{count, plural, one {# request waits} other {# requests wait}} for a home decision, the oldest for {oldest}.',
    'mandates.paths.noneOpen': 'Nothing waits for a home decision.',
    'mandates.paths.overdue':
      '{count, plural, one {# waits} other {# wait}} longer than the agreed {days, plural, one {# day} other {# days}}',
    'mandates.paths.recent': 'Recent requests for home approval',
    'mandates.paths.request':
      '{status, select, open {Waiting since {asked} ({waited})} approved {Asked {asked}, approved after {waited}} declined {Asked {asked}, declined after {waited}} other {Asked {asked}, withdrawn after {waited}}}',
    'mandates.paths.mandate': 'Mandate',
    'mandates.paths.mandateUntil':
      '{state, select, upcoming {A mandate will be valid until {until}.} other {Its representatives have a mandate until {until}.}}',
    'mandates.paths.mandateOpen':
      '{state, select, upcoming {A mandate will be valid until further notice.} other {Its representatives have a mandate until further notice.}}',
    'mandates.paths.noMandate': 'Its home organisation has given no mandate.',
    'mandates.paths.networkTitle': 'Home decisions across the network',
    'mandates.paths.networkNone': 'No organisation has had a commitment wait for a home decision yet.',
    'mandates.paths.organisation': 'Organisation',
    'mandates.paths.median': 'Median',
    'mandates.paths.longest': 'Longest',
    'mandates.paths.openColumn': 'Waiting now',
    'mandates.paths.openCell': '{count, number}, the oldest for {oldest}',
    'mandates.paths.setAgreed': 'Set the agreed time',
    'mandates.paths.agreedDays': 'Days home may take to decide',
    'mandates.paths.agreedHint': 'From 1 to 90. Requests waiting longer are flagged to everyone.',
    'mandates.paths.agreedSaved': 'Agreed time saved.',
  },
  de: {
    'activity.mandate.set':
      '{actor} hat {version, plural, =1 {ein Mandat erteilt} other {ein Mandat geändert}} für {forAll, select, yes {alle Vertreter*innen} other {eine*n Vertreter*in}} (Version {version, number})',
    'activity.mandate.capacity_set': '{actor} hat angegeben, was die Organisation einbringen kann',
    'activity.commitment.home_approved': '{actor} hat eine Zusage für die Heimatorganisation freigegeben',
    'activity.commitment.home_declined': '{actor} hat eine Zusage für die Heimatorganisation abgelehnt: {reason}',
    'activity.ledger.home_approval_requested':
      '{actor} hat eine Leistung über das Mandat hinaus erfasst ({amount, number} {unit}): Sie wartet auf die Heimatorganisation',
    'activity.ledger.home_approved':
      '{actor} hat eine Leistung für die Heimatorganisation freigegeben ({amount, number} {unit})',
    'activity.ledger.home_declined':
      '{actor} hat eine Leistung für die Heimatorganisation abgelehnt ({amount, number} {unit}): {reason}',
    'activity.network.approval_days_set':
      '{actor} hat die vereinbarte Zeit für Entscheidungen zu Hause auf {approvalDays, plural, one {# Tag} other {# Tage}} gesetzt',

    'mandates.errors.notFound': 'Dieses Mandat gibt es nicht (mehr).',
    'mandates.errors.dateRange':
      '{field, select, validUntil {„Gültig bis“} other {„Gültig ab“}} muss zwischen den Jahren 2000 und 2100 liegen.',
    'mandates.errors.endsBeforeStart':
      '„Gültig bis“ liegt vor „gültig ab“: Ein Mandat kann nicht enden, bevor es beginnt.',
    'mandates.errors.unitTwice': 'Die Einheit {unit} steht zweimal da. Bitte jede Einheit nur in einer Zeile.',
    'mandates.errors.limitAbsurd':
      '{which, select, perPeriod {Der Höchstwert je Monat oder Quartal} capacity {Was Sie investieren können,} other {Der Höchstwert je Zusage}} kann nicht stimmen: Er muss größer als 0 und höchstens {max, number} für diese Einheit sein.',
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
      'Schon entschieden: {name} hat {what, select, gift {diese Leistung} other {diese Zusage}} {decision, select, approved {bereits freigegeben} other {bereits abgelehnt}}. Es gilt die erste Entscheidung.',
    'mandates.errors.requestWithdrawn':
      'Die Vertretung hat {what, select, gift {diese Leistung} other {diese Zusage}} zurückgezogen, bevor zu Hause entschieden wurde. Es gibt nichts mehr zu entscheiden.',
    'mandates.errors.notWaiting':
      '{what, select, gift {Diese Leistung} other {Diese Zusage}} wartet nicht auf eine Freigabe von zu Hause.',
    'mandates.errors.approvalDays': 'Die vereinbarte Zeit muss eine ganze Zahl von Tagen zwischen 1 und 90 sein.',
    'mandates.errors.notCorrectable.awaiting_home_approval':
      'Dieser Eintrag wartet noch auf Ihre Heimatorganisation und zählt noch nirgends: Es gibt nichts zu korrigieren.',
    'mandates.errors.notCorrectable.withdrawn':
      'Ihre Heimatorganisation hat diesen Eintrag abgelehnt: Er zählt nirgends, es gibt nichts zu korrigieren.',
    'mandates.errors.limitNeedsMaximum':
      'Bitte geben Sie für diese Einheit einen Höchstwert je Zusage, einen je Monat oder Quartal oder beide an.',
    'mandates.errors.reasonNeeded': 'Bitte sagen Sie in ein paar Worten, warum Sie ablehnen (mindestens 3 Zeichen).',
    'field.validFrom': 'Gültig ab',
    'field.validUntil': 'Gültig bis',
    'field.limits': 'Höchstwerte',
    'field.perCommitment': 'Höchstwert je Zusage',
    'field.perPeriod': 'Höchstwert je Monat oder Quartal',
    'field.period': 'Monat oder Quartal',
    'field.goalIds': 'Ziele',
    'field.scopeNote': 'Notiz zum Umfang',
    'field.disclosure': 'Was andere Organisationen sehen',
    'field.coversGifts': 'Leistungen in Geben und Nehmen',
    'field.representativeId': 'Vertreterin oder Vertreter',
    'field.approvalDays': 'Vereinbarte Zeit für eine Entscheidung zu Hause',

    'mandates.forAll': 'Alle Vertreter*innen',
    'mandates.duration':
      '{unit, select, days {{n, plural, one {# Tag} other {# Tage}}} hours {{n, plural, one {# Stunde} other {# Stunden}}} other {{n, plural, one {# Minute} other {# Minuten}}}}',
    'mandates.state.valid': 'Gültig',
    'mandates.state.upcoming': 'Noch nicht gültig',
    'mandates.state.expired': 'Abgelaufen',
    'mandates.reason.expired': 'das Mandat ist abgelaufen',
    'mandates.reason.goal': 'das Ziel gehört nicht zu den Zielen des Mandats',
    'mandates.reason.noGoal': 'kein Ziel ist genannt, und das Mandat gilt nur für seine Ziele',
    'mandates.reason.unit': 'das Mandat nennt für diese Einheit keinen Höchstwert',
    'mandates.reason.perCommitment': 'mehr als der Höchstwert je Zusage',
    'mandates.reason.perPeriod': 'mehr als in diesem Zeitraum übrig ist',
    'mandates.field.created': 'erteilt',
    'mandates.field.validFrom': 'gültig ab',
    'mandates.field.validUntil': 'gültig bis',
    'mandates.field.limits': 'Höchstwerte',
    'mandates.field.goalIds': 'Ziele',
    'mandates.field.coversGifts': 'Leistungen in Geben und Nehmen',
    'mandates.field.scopeNote': 'Notiz zum Umfang',
    'mandates.field.disclosure': 'was andere sehen',

    'mandates.home.title': 'Heimat und Netzwerk',
    'mandates.home.pageTitle': 'Heimat und Netzwerk · {organisation}',
    'mandates.home.intro':
      'Was {organisation} gibt und bekommt, zusagt und entscheiden darf, nebeneinander. Nur die Menschen von {organisation} können diese Seite öffnen.',

    'mandates.approvals.title': 'Wartet auf unsere Entscheidung',
    'mandates.approvals.times':
      'Unsere Entscheidungen zu Hause dauerten {median} (Median) und höchstens {longest}, bei {count, plural, one {# Entscheidung} other {# Entscheidungen}}.',
    'mandates.approvals.noneDecided': 'Zu Hause wurde noch nichts entschieden.',
    'mandates.approvals.agreed':
      'Im Netzwerk ist vereinbart, dass zu Hause innerhalb von {days, plural, one {# Tag} other {# Tagen}} entschieden wird.',
    'mandates.approvals.none': 'Nichts wartet auf eine Entscheidung zu Hause.',
    'mandates.approvals.noneHint':
      'Sagt eine Vertreterin oder ein Vertreter mehr zu, als das Mandat erlaubt (oder erfasst eine Leistung über ein Mandat hinaus, das auch Leistungen umfasst), wartet das hier, bis ein Mitglied der Heimatorganisation es freigibt oder ablehnt.',
    'mandates.approvals.asked': 'Angefragt von {name}, wartet seit {waited}.',
    'mandates.approvals.late': 'Länger als vereinbart',
    'mandates.approvals.waitingSince': '(seit {when})',
    'mandates.approvals.why': 'Über das Mandat hinaus: {why}.',

    'mandates.decision.approve': 'Freigeben',
    'mandates.decision.decline': 'Ablehnen',
    'mandates.decision.note': 'Notiz',
    'mandates.decision.noteHint': 'Wird mit der Entscheidung für Ihre Organisation aufbewahrt.',
    'mandates.decision.reason': 'Begründung',
    'mandates.decision.reasonHint': 'Die Zusage wird zurückgezogen; das Netzwerk sieht diese Begründung dazu.',
    'mandates.decision.confirmApprove': 'Freigeben und zusagen',
    'mandates.decision.confirmDecline': 'Ablehnen und zurückziehen',

    'mandates.hint.enterAmount': 'Geben Sie eine Menge ein, um zu sehen, ob sie in Ihrem Mandat liegt.',
    'mandates.hint.noMandate':
      'Ihre Heimatorganisation hat Ihnen kein Mandat erteilt, das gilt: Die Zusage gilt sofort.',
    'mandates.hint.within': 'Im Rahmen Ihres Mandats: Die Zusage gilt sofort.',
    'mandates.hint.perOne': 'Höchstens {max} je Zusage.',
    'mandates.hint.left':
      '{period, select, quarter {In diesem Quartal} other {In diesem Monat}} sind noch {left} von {max} übrig.',
    'mandates.hint.beyond':
      'Über Ihr Mandat hinaus ({why}): Die Zusage wartet, bis Ihre Heimatorganisation sie freigibt.',
    'mandates.hint.createdWaiting': 'Gespeichert. Die Zusage wartet auf die Freigabe durch Ihre Heimatorganisation.',
    'mandates.needs.homeApprovalGift':
      '{person} hat eine Leistung über {amount, number} {unit} an {receiver} über das Mandat hinaus erfasst: Ihre Organisation entscheidet',
    'mandates.gift.badge': 'Leistung in Geben und Nehmen',
    'mandates.gift.to': 'an {name}',
    'mandates.gift.hint.noMandate':
      'Kein Mandat Ihrer Heimatorganisation gilt für Leistungen in Geben und Nehmen: Der Eintrag geht sofort an die andere Seite.',
    'mandates.gift.hint.within': 'Im Rahmen Ihres Mandats: Der Eintrag geht sofort an die andere Seite.',
    'mandates.gift.hint.perOne': 'Höchstens {max} je Eintrag.',
    'mandates.gift.hint.left':
      '{period, select, quarter {In diesem Quartal} other {In diesem Monat}} sind für Leistungen noch {left} von {max} übrig.',
    'mandates.gift.hint.beyond':
      'Über Ihr Mandat hinaus ({why}): Der Eintrag wartet, bis Ihre Heimatorganisation ihn freigibt.',
    'mandates.gift.recordedWaiting':
      'Gespeichert. Der Eintrag wartet auf die Freigabe durch Ihre Heimatorganisation; danach kann die andere Seite ihn bestätigen.',
    'mandates.gift.waiting': 'Wartet auf Freigabe von zu Hause',
    'mandates.gift.declined': 'Von der Heimatorganisation abgelehnt',
    'mandates.gift.declinedReason': 'Von der Heimatorganisation abgelehnt: {reason}',
    'mandates.gift.reasonHint': 'Der Eintrag wird zurückgezogen; das Netzwerk sieht diese Begründung dazu.',
    'mandates.gift.confirmApprove': 'Freigeben und weitergeben',
    'mandates.form.coversGifts': 'Auch Leistungen in Geben und Nehmen gelten nur im Rahmen dieses Mandats',
    'mandates.form.coversGiftsHint':
      'Eine für die Organisation erfasste Leistung zählt dann wie eine Zusage: mehr als der Höchstwert je Zusage in einem Eintrag, mehr als für Leistungen in diesem Monat oder Quartal übrig ist, ein anderes Ziel oder ein abgelaufenes Mandat – dann wartet sie auf eine Entscheidung zu Hause.',
    'mandates.coversGifts': 'Auch Leistungen in Geben und Nehmen gelten nur in diesem Rahmen.',

    'mandates.promised.title': 'Zugesagt, gemessen an Kapazität und Mandat',
    'mandates.promised.period': '({period, select, quarter {dieses Quartal} other {dieser Monat}}: {from} bis {to})',
    'mandates.promised.promised': 'Zugesagt {promised}: {open} offen, {delivered} erfüllt.',
    'mandates.promised.capacity': 'Wir können {capacity} einbringen.',
    'mandates.promised.capacityLeft': 'Davon sind {left} noch frei.',
    'mandates.promised.over': '{over} mehr, als wir einbringen können',
    'mandates.promised.noCapacity': 'Zu Hause wurde nicht gesagt, was in dieser Einheit möglich ist.',
    'mandates.promised.mandate':
      'Mandat von {who}: {used} von {limit} {period, select, quarter {in diesem Quartal} other {in diesem Monat}} genutzt, {left} übrig.',
    'mandates.promised.none': 'Noch keine Kapazität und kein Mandat.',
    'mandates.promised.noneHome':
      'Sagen Sie, was Ihre Organisation je Monat oder Quartal einbringen kann, und erteilen Sie Ihren Vertreter*innen ein Mandat, um beides mit den Zusagen zu vergleichen.',
    'mandates.promised.noneRep':
      'Ihre Heimatorganisation hat noch keine Kapazität angegeben und kein Mandat erteilt. Fragen Sie ein Mitglied Ihrer Heimatorganisation.',

    'mandates.capacity.title': 'Was wir einbringen können',
    'mandates.capacity.intro':
      'Je Einheit, was Ihre Organisation je Monat oder Quartal ins Netzwerk einbringen kann. Eine neue Angabe ersetzt die alte.',
    'mandates.capacity.state': 'Kapazität angeben',
    'mandates.capacity.amount': 'Menge je Zeitraum',
    'mandates.capacity.amountHint': 'Leer lassen, um die Angabe für diese Einheit zu entfernen.',
    'mandates.capacity.note': 'Notiz',
    'mandates.capacity.save': 'Kapazität speichern',
    'mandates.capacity.saved': 'Kapazität gespeichert.',

    'mandates.section.title': 'Mandate',
    'mandates.section.introHome':
      'Der Spielraum, in dem Ihre Vertreter*innen ohne Rückfrage zusagen können. Darüber hinaus wartet eine Zusage auf die Entscheidung eines Mitglieds der Heimatorganisation.',
    'mandates.section.introRep':
      'Ihr Spielraum, ohne Rückfrage zu Hause zuzusagen. Darüber hinaus wartet eine Zusage auf die Entscheidung eines Mitglieds der Heimatorganisation.',
    'mandates.section.none': 'Noch kein Mandat.',
    'mandates.section.noneHome':
      'Ohne Mandat sagen Ihre Vertreter*innen ohne Rückfrage zu. Erteilen Sie eines, um Grenzen je Einheit und Zeitraum zu setzen.',
    'mandates.section.noneRep':
      'Ihre Heimatorganisation hat kein Mandat erteilt: Sie sagen ohne Rückfrage zu. Mitglieder der Heimatorganisation können eines erteilen.',
    'mandates.section.forOne': 'Für {name}',
    'mandates.section.validRange': 'Gültig vom {from} bis {until}',
    'mandates.section.validOpen': 'Gültig ab {from}, bis die Heimatorganisation es beendet',
    'mandates.section.perCommitment': 'höchstens {max} je Zusage',
    'mandates.section.perPeriod': 'höchstens {max} {period, select, quarter {je Quartal} other {je Monat}}',
    'mandates.section.goals': 'Gilt für die Ziele: {goals}',
    'mandates.section.allGoals': 'Gilt für alle Ziele des Netzwerks.',
    'mandates.section.disclosedExists': 'Andere Organisationen sehen nur, dass es besteht und bis wann.',
    'mandates.section.disclosedLimits': 'Andere Organisationen sehen auch Höchstwerte und Ziele (nicht diese Notiz).',
    'mandates.section.version': 'Version {version, number}, zuletzt geändert von {name} am {when}.',

    'mandates.history.show': 'Verlauf',
    'mandates.history.line': 'Version {version, number}: {name}, {when} ({what})',

    'mandates.form.give': 'Mandat erteilen',
    'mandates.form.giveTitle': 'Mandat erteilen',
    'mandates.form.change': 'Ändern',
    'mandates.form.changeTitle': 'Mandat ändern',
    'mandates.form.forWhom': 'Für wen',
    'mandates.form.validFrom': 'Gültig ab',
    'mandates.form.validUntil': 'Gültig bis',
    'mandates.form.validUntilHint': 'Leer: bis es beendet wird. Setzen Sie heute ein, um das Mandat zu beenden.',
    'mandates.form.limits': 'Höchstwerte je Einheit',
    'mandates.form.limitsHint':
      'Je Einheit ein Höchstwert je Zusage, je Monat oder Quartal, oder beides. Eine Einheit, die hier fehlt, braucht immer die Freigabe von zu Hause.',
    'mandates.form.unit': 'Einheit',
    'mandates.form.perCommitment': 'Je Zusage',
    'mandates.form.perPeriod': 'Je Zeitraum',
    'mandates.form.period': 'Zeitraum',
    'mandates.form.month': 'Monat',
    'mandates.form.quarter': 'Quartal',
    'mandates.form.addUnit': 'Einheit hinzufügen',
    'mandates.form.removeUnit': 'Diese Einheit entfernen',
    'mandates.form.goals': 'Ziele, für die es gilt',
    'mandates.form.goalsHint':
      'Keines angekreuzt: alle Ziele. Zusagen zu anderen Zielen warten auf die Heimatorganisation.',
    'mandates.form.noGoals': 'Ihre Organisation ist noch an keinem offenen Ziel beteiligt.',
    'mandates.form.scopeNote': 'Notiz zum Umfang',
    'mandates.form.scopeNoteHint': 'Wofür es gedacht ist, in einfachen Worten. Nur Ihre Organisation sieht sie.',
    'mandates.form.disclosure': 'Was andere Organisationen sehen',
    'mandates.form.disclosureExists': 'Nur, dass es ein Mandat gibt und bis wann',
    'mandates.form.disclosureLimits': 'Auch Höchstwerte und Ziele',
    'mandates.form.save': 'Mandat erteilen',
    'mandates.form.saveChange': 'Änderung speichern',
    'mandates.form.given': 'Mandat erteilt.',
    'mandates.form.changed': 'Mandat geändert: eine neue Version wurde aufbewahrt.',

    'mandates.exchange.title': 'Was wir gegeben und bekommen haben',
    'mandates.exchange.period': 'Bestätigte Einträge vom {from} bis {to}.',
    'mandates.exchange.unit': '{gave} gegeben, {got} bekommen',
    'mandates.exchange.partners': 'Gegeben und erhalten je Partner und Einheit',
    'mandates.exchange.partner': 'Partner',
    'mandates.exchange.gave': 'Gegeben',
    'mandates.exchange.got': 'Bekommen',
    'mandates.exchange.network': 'Das Netzwerk als Ganzes',
    'mandates.exchange.none': 'In diesem Zeitraum nichts bestätigt gegeben oder bekommen.',
    'mandates.exchange.noneHint':
      'Einträge zählen hier, sobald die andere Seite sie in Geben und Nehmen bestätigt hat.',

    'mandates.ratings.title': 'Unsere Bewertungen und die des Netzwerks',
    'mandates.ratings.intro':
      'Attraktiv · konkret · flexibel (1 bis 5): unsere Bewertung jedes Ziels neben dem Durchschnitt der anderen Organisationen, die größten Unterschiede zuerst.',
    'mandates.ratings.goal': 'Ziel',
    'mandates.ratings.ours': 'Unsere',
    'mandates.ratings.network': 'Die anderen',
    'mandates.ratings.difference': 'Unterschied',
    'mandates.ratings.noOthers': 'Noch keine andere Bewertung',
    'mandates.ratings.none': 'Wir haben noch kein Ziel bewertet.',
    'mandates.ratings.noneHint':
      'Bewerten Sie Ziele auf ihren Seiten, um zu sehen, wo wir sie anders sehen als das Netzwerk.',

    'mandates.paths.title': 'Entscheidungen zu Hause',
    'mandates.paths.noneDecided': 'Noch keine Zusage dieser Organisation hat auf eine Entscheidung zu Hause gewartet.',
    'mandates.paths.open':
      '{count, plural, one {# Anfrage wartet} other {# Anfragen warten}} auf eine Entscheidung zu Hause, die älteste seit {oldest}.',
    'mandates.paths.noneOpen': 'Nichts wartet auf eine Entscheidung zu Hause.',
    'mandates.paths.overdue':
      '{count, plural, one {# wartet} other {# warten}} länger als die vereinbarten {days, plural, one {# Tag} other {# Tage}}',
    'mandates.paths.recent': 'Letzte Anfragen um Freigabe',
    'mandates.paths.request':
      '{status, select, open {Wartet seit {asked} ({waited})} approved {Angefragt {asked}, freigegeben nach {waited}} declined {Angefragt {asked}, abgelehnt nach {waited}} other {Angefragt {asked}, zurückgezogen nach {waited}}}',
    'mandates.paths.mandate': 'Mandat',
    'mandates.paths.mandateUntil':
      '{state, select, upcoming {Ein Mandat wird bis {until} gelten.} other {Ihre Vertreter*innen haben ein Mandat bis {until}.}}',
    'mandates.paths.mandateOpen':
      '{state, select, upcoming {Ein Mandat wird bis auf Weiteres gelten.} other {Ihre Vertreter*innen haben ein Mandat bis auf Weiteres.}}',
    'mandates.paths.noMandate': 'Die Heimatorganisation hat kein Mandat erteilt.',
    'mandates.paths.networkTitle': 'Entscheidungen zu Hause im ganzen Netzwerk',
    'mandates.paths.networkNone':
      'Bei keiner Organisation hat bisher eine Zusage auf eine Entscheidung zu Hause gewartet.',
    'mandates.paths.organisation': 'Organisation',
    'mandates.paths.median': 'Median',
    'mandates.paths.longest': 'Längste',
    'mandates.paths.openColumn': 'Wartet jetzt',
    'mandates.paths.openCell': '{count, number}, die älteste seit {oldest}',
    'mandates.paths.setAgreed': 'Vereinbarte Zeit festlegen',
    'mandates.paths.agreedDays': 'Tage, die eine Entscheidung zu Hause dauern darf',
    'mandates.paths.agreedHint': 'Von 1 bis 90. Anfragen, die länger warten, werden für alle markiert.',
    'mandates.paths.agreedSaved': 'Vereinbarte Zeit gespeichert.',
  },
};
