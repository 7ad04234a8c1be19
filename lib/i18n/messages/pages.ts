/**
 * Words of the redesigned cooperation pages (issue 9): give and take from the
 * viewer's side, balances per organisation, commitments, people, the goal page.
 */
export const pages = {
  en: {
    'activity.commitment.reopened':
      '{actor} {because, select, disputed {disputed} other {reversed}} an entry that showed a delivery: the commitment is open again',
    'cooperation.errors.evidenceShort':
      'The chosen entries add up to {sum, number} of the {amount, number} committed. Choose more entries, or mark it as partly delivered.',
    'pages.commitments.make': 'Make a commitment',
    'pages.commitments.makeHint':
      'Your organisation promises an amount to a goal by a date. Proposed first, or committed at once.',
    'pages.commitments.openOverdueFirst': 'Open, overdue first',
    'pages.commitments.more': 'Show more',
    'pages.commitments.shownOf': '{shown, number} of {total, number} shown',
    'pages.commitments.partly': 'Partly delivered',
    'pages.commitments.partlyDelivered':
      'Mark as partly delivered: the chosen entries do not add up to the amount committed',
    'pages.commitments.evidenceSum': 'Chosen: {sum} of {amount}',
    'pages.commitments.emptyHint':
      'A commitment is a promise of one organisation to a goal: an amount of hours, rooms or contacts by a date.',
    'pages.commitments.empty.open': 'No commitment is open right now.',
    'pages.commitments.empty.overdue': 'Nothing is overdue.',
    'pages.commitments.empty.due_soon': 'Nothing is due in the next 14 days.',
    'pages.commitments.empty.review_due': 'No pilot commitment is due for review.',
    'pages.commitments.empty.delivered': 'No commitment has been delivered yet.',
    'pages.commitments.empty.withdrawn': 'No commitment has been withdrawn.',
    'pages.commitments.empty.all': 'No commitments yet.',
    'pages.ledger.recordOpen': 'Record an entry',
    'pages.ledger.recordClose': 'Close the form',
    'pages.ledger.kind.give': '{org} gave',
    'pages.ledger.kind.take': '{org} received',
    'pages.ledger.kind.share': '{org} shared',
    'pages.ledger.whatHappened': 'What happened',
    'pages.ledger.choosePartner': 'Choose an organisation',
    'pages.ledger.partnerRequired': 'Please choose who it was with.',
    'pages.ledger.partnerHint': 'Organisations that left the network are not offered.',
    'pages.ledger.entry': 'Entry',
    'pages.ledger.state': 'State',
    'pages.ledger.recordedBy': 'recorded by {org}',
    'pages.ledger.filterSummary':
      '{count, plural, =0 {Filter entries} one {Filter entries (# filter on)} other {Filter entries (# filters on)}}',
    'pages.ledger.noneYet': 'No entries yet.',
    'pages.ledger.noneYetHint':
      'When an organisation gives time, rooms or contacts to another, it records it here and the other side confirms it.',
    'pages.ledger.noneFiltered': 'No entries match these filters.',
    'pages.balances.intro':
      'What each organisation has given and received, per unit. Confirmed amounts stand alone; what still waits for the other side is shown apart.',
    'pages.balances.given': 'Given',
    'pages.balances.received': 'Received',
    'pages.balances.waiting': '+{amount} waiting',
    'pages.balances.toReverse': '{amount} to be reversed',
    'pages.balances.organisation': 'Organisation',
  },
  de: {
    'activity.commitment.reopened':
      '{actor} hat einen Eintrag {because, select, disputed {bestritten} other {storniert}}, der eine Erfüllung belegte: Die Zusage ist wieder offen',
    'cooperation.errors.evidenceShort':
      'Die gewählten Einträge ergeben {sum, number} der zugesagten {amount, number}. Wählen Sie weitere Einträge, oder markieren Sie die Zusage als teilweise erfüllt.',
    'pages.commitments.make': 'Zusage machen',
    'pages.commitments.makeHint':
      'Ihre Organisation sagt einem Ziel eine Menge bis zu einem Datum zu. Zuerst vorgeschlagen oder gleich verbindlich.',
    'pages.commitments.openOverdueFirst': 'Offen, Überfälliges zuerst',
    'pages.commitments.more': 'Mehr anzeigen',
    'pages.commitments.shownOf': '{shown, number} von {total, number} angezeigt',
    'pages.commitments.partly': 'Teilweise erfüllt',
    'pages.commitments.partlyDelivered':
      'Als teilweise erfüllt markieren: Die gewählten Einträge ergeben nicht die zugesagte Menge',
    'pages.commitments.evidenceSum': 'Gewählt: {sum} von {amount}',
    'pages.commitments.emptyHint':
      'Eine Zusage ist das Versprechen einer Organisation an ein Ziel: eine Menge an Stunden, Räumen oder Kontakten bis zu einem Datum.',
    'pages.commitments.empty.open': 'Gerade ist keine Zusage offen.',
    'pages.commitments.empty.overdue': 'Nichts ist überfällig.',
    'pages.commitments.empty.due_soon': 'In den nächsten 14 Tagen ist nichts fällig.',
    'pages.commitments.empty.review_due': 'Keine Pilot-Zusage wartet auf ihre Prüfung.',
    'pages.commitments.empty.delivered': 'Noch keine Zusage ist erfüllt.',
    'pages.commitments.empty.withdrawn': 'Keine Zusage wurde zurückgezogen.',
    'pages.commitments.empty.all': 'Noch keine Zusagen.',
    'pages.ledger.recordOpen': 'Eintrag erfassen',
    'pages.ledger.recordClose': 'Formular schließen',
    'pages.ledger.kind.give': '{org} hat gegeben',
    'pages.ledger.kind.take': '{org} hat erhalten',
    'pages.ledger.kind.share': '{org} hat geteilt',
    'pages.ledger.whatHappened': 'Was ist passiert',
    'pages.ledger.choosePartner': 'Organisation wählen',
    'pages.ledger.partnerRequired': 'Bitte wählen Sie, mit wem.',
    'pages.ledger.partnerHint': 'Organisationen, die das Netzwerk verlassen haben, stehen nicht zur Wahl.',
    'pages.ledger.entry': 'Eintrag',
    'pages.ledger.state': 'Stand',
    'pages.ledger.recordedBy': 'erfasst von {org}',
    'pages.ledger.filterSummary':
      '{count, plural, =0 {Einträge filtern} one {Einträge filtern (# Filter aktiv)} other {Einträge filtern (# Filter aktiv)}}',
    'pages.ledger.noneYet': 'Noch keine Einträge.',
    'pages.ledger.noneYetHint':
      'Wenn eine Organisation einer anderen Zeit, Räume oder Kontakte gibt, erfasst sie das hier, und die andere Seite bestätigt es.',
    'pages.ledger.noneFiltered': 'Keine Einträge passen zu diesen Filtern.',
    'pages.balances.intro':
      'Was jede Organisation gegeben und erhalten hat, je Einheit. Bestätigtes steht für sich; was noch auf die andere Seite wartet, steht daneben.',
    'pages.balances.given': 'Gegeben',
    'pages.balances.received': 'Erhalten',
    'pages.balances.waiting': '+{amount} wartet',
    'pages.balances.toReverse': '{amount} zu stornieren',
    'pages.balances.organisation': 'Organisation',
  },
} as const;
