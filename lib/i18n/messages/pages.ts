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
