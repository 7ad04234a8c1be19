/** Exports (lib/exports, docs/exports.md): the goal as Markdown/PDF, the ledger spreadsheet, archives. */
export const exports = {
  en: {
    'activity.export.archive_requested':
      '{actor} asked for {scope, select, organisation {an export of their organisation’s data} other {an archive of the network}}',
    'activity.export.archive_ready':
      '{scope, select, organisation {The export of the organisation’s data} other {The network archive}} that {actor} asked for is ready',

    'exports.errors.leftNetwork':
      'You have left this network, so you can no longer export its data. Ask one of its managers if you need something from it.',
    'exports.errors.notFound': 'This export does not exist, or it is not yours.',
    'exports.errors.expired': 'This archive has expired and was deleted. Start a new one.',
    'exports.errors.notReady': 'This archive is not ready yet. Its progress is shown on the page.',

    'exports.menu.label': 'Export',
    'exports.menu.goalLabel': 'Export this goal',
    'exports.menu.ledgerLabel': 'Export the ledger as shown',
    'exports.menu.markdown': 'Markdown (.md)',
    'exports.menu.pdf': 'PDF document (.pdf)',
    'exports.menu.csv': 'CSV file (.csv)',
    'exports.menu.xlsx': 'Spreadsheet (.xlsx)',
    'exports.menu.organisationLabel': 'Export data of {name}',
    'exports.menu.orgLedgerCsv': 'Its ledger entries as CSV (.csv)',
    'exports.menu.orgLedgerXlsx': 'Its ledger entries as spreadsheet (.xlsx)',
    'exports.menu.ownData': 'All our data as a zip …',

    'exports.archive.networkTitle': 'Network archive',
    'exports.archive.networkIntro':
      'One zip file with every record of the network (as CSV and JSON) and every shared document (as Markdown). Home spaces of the organisations are not part of it. It is made in the background; you get an e-mail when it is ready, and only you can download it, for 7 days.',
    'exports.archive.organisationTitle': 'Export your organisation’s data',
    'exports.archive.organisationIntro':
      'One zip file with {name}’s ledger entries, commitments, ratings, the goals it takes part in, its page and its home notes. It is made in the background; you get an e-mail when it is ready, and only you can download it, for 7 days.',
    'exports.archive.start': 'Make an archive',
    'exports.archive.startOrganisation': 'Export our data',
    'exports.archive.started': 'The archive is being made. You can leave this page; we will e-mail you.',
    'exports.archive.progress': 'Progress of the archive',
    'exports.archive.pending': 'Waiting to start …',
    'exports.archive.running': '{percent, number}% – {done, number} of {total, number} items written',
    'exports.archive.ready': 'Ready, {size}. Can be downloaded until {date}.',
    'exports.archive.download': 'Download the zip',
    'exports.archive.failed': 'This archive could not be made. Please try again; if it fails again, tell us.',
    'exports.archive.expired': 'Expired on {date} and deleted.',
    'exports.archive.none': 'You have not asked for an archive yet.',
    'exports.archive.requestedAt': 'Asked for {when}',
    'exports.archive.recent': 'Your archives',
    'exports.archive.announce':
      '{status, select, pending {The archive waits to be made.} running {The archive is being made.} ready {The archive is ready to download.} other {The archive could not be made.}}',

    'exports.settings.title': 'Network settings',
    'exports.settings.intro': 'What managers set for the whole network.',
    'exports.settings.general': 'Name and purpose',
    'exports.settings.generalIntro': 'The network is called “{name}”.',
    'exports.settings.managersOnly': 'Only the network’s managers can change its settings and make an archive of it.',
    'exports.settings.link': 'Settings',

    'exports.ledger.sheet': 'Ledger',

    'exports.goal.subtitle': 'Shared goal of the network “{network}”, exported {when}',
    'exports.goal.status': 'Status',
    'exports.goal.version': 'Version',
    'exports.goal.targetDate': 'Target date',
    'exports.goal.reviewOn': 'Pilot review on',
    'exports.goal.organisations': 'Organisations taking part',
    'exports.goal.noOrganisations': 'none yet',
    'exports.goal.why': 'Why together',
    'exports.goal.description': 'Description',
    'exports.goal.noDescription': 'No description yet.',
    'exports.goal.indicators': 'Indicators',
    'exports.goal.indicator': '{label}: {current, number} of {target, number} ({unit})',
    'exports.goal.ratings': 'Ratings',
    'exports.goal.noRatings': 'No organisation has rated this goal yet.',
    'exports.goal.spread': '{scale}: mean {mean, number}, from {min, number} to {max, number} (spread {sd, number})',
    'exports.goal.commitments': 'Commitments',
    'exports.goal.noCommitments': 'No commitments to this goal yet.',
    'exports.goal.moreCommitments':
      '{count, plural, one {# more commitment is} other {# more commitments are}} not listed here.',
    'exports.goal.commitmentLine': '{status}, due {due}',
    'exports.goal.withdrawReason': 'Withdrawn because: {reason}',
    'exports.goal.versions': 'Versions',
    'exports.goal.versionHead': 'Version {version} – {when}, {actor}',
    'exports.goal.created': 'Goal created',
    'exports.goal.changed': 'Changed: {fields}',
    'exports.goal.restored': 'Text restored from version {version}',
    'exports.goal.decision':
      'Pilot review: {decision, select, deepen {deepen it} repeat {repeat it} other {stop it}} – {reason}',
    'exports.goal.snapshot': 'Title then: “{title}”, status: {status}',

    'exports.field.title': 'title',
    'exports.field.whyTogether': 'why together',
    'exports.field.status': 'status',
    'exports.field.targetDate': 'target date',
    'exports.field.reviewOn': 'review date',
    'exports.field.indicators': 'indicators',
    'exports.field.organisations': 'organisations',
    'exports.field.description': 'description',
    'exports.field.pilotDecision': 'pilot decision',

    'exports.doc.commons': 'Shared notes of the network',
    'exports.doc.org': '{name} – organisation page',
    'exports.doc.home': '{name} – home notes (internal)',
    'exports.doc.meeting': 'Meeting minutes',
    'exports.doc.root.notes': 'Notes',
    'exports.doc.root.goals': 'Goal texts',
    'exports.doc.root.profile': 'Profile',
    'exports.doc.root.minutes': 'Minutes',
    'exports.doc.root.agenda': 'Agenda',
    'exports.doc.root.empty': 'This document is empty.',

    'exports.readme.titleNetwork': 'Network archive',
    'exports.readme.titleOrganisation': 'Your organisation’s data',
    'exports.readme.intro':
      'Everything you could see in Netzwerkraum when this archive was made. Times are milliseconds since 1 January 1970 (UTC), dates are YYYY-MM-DD, amounts are in their unit.',
    'exports.readme.records': 'Records',
    'exports.readme.rows': '{count, plural, one {# row} other {# rows}}',
    'exports.readme.documents': 'Shared documents',
    'exports.readme.noDocuments': 'No shared documents.',
    'exports.readme.formats':
      'Each record is there twice: as CSV (UTF-8, comma-separated, for spreadsheets) and as JSON (for programs). The documents are Markdown.',

    'exports.mail.subject':
      '{scope, select, organisation {The export of {organisation}’s data} other {The archive of “{network}”}} is ready',
    'exports.mail.body':
      'Hello {name},\n\nthe {scope, select, organisation {export of {organisation}’s data} other {archive of the network “{network}”}} you asked for is ready. Sign in and download it here (only you can, until {date}):\n\n{link}\n\nNetzwerkraum',
  },
  de: {
    'activity.export.archive_requested':
      '{actor} hat {scope, select, organisation {einen Export der Daten der eigenen Organisation} other {ein Archiv des Netzwerks}} angefordert',
    'activity.export.archive_ready':
      '{scope, select, organisation {Der Export der Organisationsdaten, den} other {Das Netzwerkarchiv, das}} {actor} angefordert hat, ist fertig',

    'exports.errors.leftNetwork':
      'Sie haben dieses Netzwerk verlassen und können seine Daten daher nicht mehr exportieren. Wenn Sie etwas daraus brauchen, fragen Sie eine Person, die es verwaltet.',
    'exports.errors.notFound': 'Diesen Export gibt es nicht, oder er gehört nicht Ihnen.',
    'exports.errors.expired': 'Dieses Archiv ist abgelaufen und wurde gelöscht. Erstellen Sie ein neues.',
    'exports.errors.notReady': 'Dieses Archiv ist noch nicht fertig. Der Fortschritt steht auf der Seite.',

    'exports.menu.label': 'Exportieren',
    'exports.menu.goalLabel': 'Dieses Ziel exportieren',
    'exports.menu.ledgerLabel': 'Geben und Nehmen wie angezeigt exportieren',
    'exports.menu.markdown': 'Markdown (.md)',
    'exports.menu.pdf': 'PDF-Dokument (.pdf)',
    'exports.menu.csv': 'CSV-Datei (.csv)',
    'exports.menu.xlsx': 'Tabellendatei (.xlsx)',
    'exports.menu.organisationLabel': 'Daten von {name} exportieren',
    'exports.menu.orgLedgerCsv': 'Ihre Einträge in Geben und Nehmen als CSV (.csv)',
    'exports.menu.orgLedgerXlsx': 'Ihre Einträge in Geben und Nehmen als Tabelle (.xlsx)',
    'exports.menu.ownData': 'Alle unsere Daten als ZIP …',

    'exports.archive.networkTitle': 'Netzwerkarchiv',
    'exports.archive.networkIntro':
      'Eine ZIP-Datei mit allen Datensätzen des Netzwerks (als CSV und JSON) und allen gemeinsamen Dokumenten (als Markdown). Die internen Bereiche der Organisationen gehören nicht dazu. Das Archiv entsteht im Hintergrund; Sie bekommen eine E-Mail, wenn es fertig ist, und nur Sie können es herunterladen, 7 Tage lang.',
    'exports.archive.organisationTitle': 'Daten Ihrer Organisation exportieren',
    'exports.archive.organisationIntro':
      'Eine ZIP-Datei mit den Hauptbucheinträgen, Zusagen und Bewertungen von {name}, den Zielen, an denen sie mitwirkt, ihrer Seite und ihren internen Notizen. Sie entsteht im Hintergrund; Sie bekommen eine E-Mail, wenn sie fertig ist, und nur Sie können sie herunterladen, 7 Tage lang.',
    'exports.archive.start': 'Archiv erstellen',
    'exports.archive.startOrganisation': 'Unsere Daten exportieren',
    'exports.archive.started':
      'Das Archiv wird erstellt. Sie können die Seite verlassen; wir schicken Ihnen eine E-Mail.',
    'exports.archive.progress': 'Fortschritt des Archivs',
    'exports.archive.pending': 'Wartet auf den Start …',
    'exports.archive.running': '{percent, number} % – {done, number} von {total, number} Einträgen geschrieben',
    'exports.archive.ready': 'Fertig, {size}. Herunterladbar bis {date}.',
    'exports.archive.download': 'ZIP-Datei herunterladen',
    'exports.archive.failed':
      'Dieses Archiv konnte nicht erstellt werden. Bitte versuchen Sie es noch einmal; wenn es wieder scheitert, sagen Sie uns Bescheid.',
    'exports.archive.expired': 'Am {date} abgelaufen und gelöscht.',
    'exports.archive.none': 'Sie haben noch kein Archiv angefordert.',
    'exports.archive.requestedAt': 'Angefordert {when}',
    'exports.archive.recent': 'Ihre Archive',
    'exports.archive.announce':
      '{status, select, pending {Das Archiv wartet darauf, erstellt zu werden.} running {Das Archiv wird erstellt.} ready {Das Archiv kann heruntergeladen werden.} other {Das Archiv konnte nicht erstellt werden.}}',

    'exports.settings.title': 'Netzwerkeinstellungen',
    'exports.settings.intro': 'Was die Verwaltung für das ganze Netzwerk festlegt.',
    'exports.settings.general': 'Name und Zweck',
    'exports.settings.generalIntro': 'Das Netzwerk heißt „{name}“.',
    'exports.settings.managersOnly':
      'Nur die Personen, die das Netzwerk verwalten, können seine Einstellungen ändern und ein Archiv erstellen.',
    'exports.settings.link': 'Einstellungen',

    'exports.ledger.sheet': 'Hauptbuch',

    'exports.goal.subtitle': 'Gemeinsames Ziel des Netzwerks „{network}“, exportiert {when}',
    'exports.goal.status': 'Status',
    'exports.goal.version': 'Version',
    'exports.goal.targetDate': 'Zieldatum',
    'exports.goal.reviewOn': 'Pilotprüfung am',
    'exports.goal.organisations': 'Beteiligte Organisationen',
    'exports.goal.noOrganisations': 'noch keine',
    'exports.goal.why': 'Warum gemeinsam',
    'exports.goal.description': 'Beschreibung',
    'exports.goal.noDescription': 'Noch keine Beschreibung.',
    'exports.goal.indicators': 'Indikatoren',
    'exports.goal.indicator': '{label}: {current, number} von {target, number} ({unit})',
    'exports.goal.ratings': 'Bewertungen',
    'exports.goal.noRatings': 'Noch keine Organisation hat dieses Ziel bewertet.',
    'exports.goal.spread':
      '{scale}: Mittelwert {mean, number}, von {min, number} bis {max, number} (Streuung {sd, number})',
    'exports.goal.commitments': 'Zusagen',
    'exports.goal.noCommitments': 'Noch keine Zusagen zu diesem Ziel.',
    'exports.goal.moreCommitments':
      '{count, plural, one {# weitere Zusage ist} other {# weitere Zusagen sind}} hier nicht aufgeführt.',
    'exports.goal.commitmentLine': '{status}, fällig am {due}',
    'exports.goal.withdrawReason': 'Zurückgezogen, weil: {reason}',
    'exports.goal.versions': 'Versionen',
    'exports.goal.versionHead': 'Version {version} – {when}, {actor}',
    'exports.goal.created': 'Ziel angelegt',
    'exports.goal.changed': 'Geändert: {fields}',
    'exports.goal.restored': 'Text aus Version {version} wiederhergestellt',
    'exports.goal.decision':
      'Pilotprüfung: {decision, select, deepen {wird vertieft} repeat {wird wiederholt} other {wird beendet}} – {reason}',
    'exports.goal.snapshot': 'Titel damals: „{title}“, Status: {status}',

    'exports.field.title': 'Titel',
    'exports.field.whyTogether': 'Warum gemeinsam',
    'exports.field.status': 'Status',
    'exports.field.targetDate': 'Zieldatum',
    'exports.field.reviewOn': 'Prüfdatum',
    'exports.field.indicators': 'Indikatoren',
    'exports.field.organisations': 'Organisationen',
    'exports.field.description': 'Beschreibung',
    'exports.field.pilotDecision': 'Pilotentscheidung',

    'exports.doc.commons': 'Gemeinsame Notizen des Netzwerks',
    'exports.doc.org': '{name} – Seite der Organisation',
    'exports.doc.home': '{name} – interne Notizen',
    'exports.doc.meeting': 'Protokoll eines Treffens',
    'exports.doc.root.notes': 'Notizen',
    'exports.doc.root.goals': 'Texte der Ziele',
    'exports.doc.root.profile': 'Profil',
    'exports.doc.root.minutes': 'Protokoll',
    'exports.doc.root.agenda': 'Tagesordnung',
    'exports.doc.root.empty': 'Dieses Dokument ist leer.',

    'exports.readme.titleNetwork': 'Netzwerkarchiv',
    'exports.readme.titleOrganisation': 'Daten Ihrer Organisation',
    'exports.readme.intro':
      'Alles, was Sie in Netzwerkraum sehen konnten, als dieses Archiv erstellt wurde. Zeiten sind Millisekunden seit dem 1. Januar 1970 (UTC), Daten JJJJ-MM-TT, Mengen in ihrer Einheit.',
    'exports.readme.records': 'Datensätze',
    'exports.readme.rows': '{count, plural, one {# Zeile} other {# Zeilen}}',
    'exports.readme.documents': 'Gemeinsame Dokumente',
    'exports.readme.noDocuments': 'Keine gemeinsamen Dokumente.',
    'exports.readme.formats':
      'Jeder Datensatz ist zweimal enthalten: als CSV (UTF-8, durch Kommas getrennt, für Tabellenprogramme) und als JSON (für Programme). Die Dokumente sind Markdown.',

    'exports.mail.subject':
      '{scope, select, organisation {Der Export der Daten von {organisation}} other {Das Archiv von „{network}“}} ist fertig',
    'exports.mail.body':
      'Hallo {name},\n\n{scope, select, organisation {der Export der Daten von {organisation}, den Sie angefordert haben, ist fertig. Melden Sie sich an und laden Sie ihn} other {das Archiv des Netzwerks „{network}“, das Sie angefordert haben, ist fertig. Melden Sie sich an und laden Sie es}} hier herunter (nur Sie, bis {date}):\n\n{link}\n\nNetzwerkraum',
  },
};
