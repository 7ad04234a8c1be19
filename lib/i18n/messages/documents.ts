/** Collaborative documents: server-written changes and document locks (lib/realtime, lib/documents, docs/realtime.md). */
const PART_EN =
  '{partKind, select, notes {the notes} profile {the organisation page} agenda {the agenda} minutes {the minutes} decisions {the decided part of a meeting} goal {a goal text} other {a part of a document}}';
const PART_DE =
  '{partKind, select, notes {die Notizen} profile {die Organisationsseite} agenda {die Tagesordnung} minutes {das Protokoll} decisions {den Beschlussteil eines Treffens} goal {einen Zieltext} other {einen Teil eines Dokuments}}';

export const documents = {
  en: {
    'activity.document.written': '{actor} wrote a change into a shared document (as part of another action)',
    'activity.document.locked': `{actor} locked ${PART_EN}: {reason}`,
    'activity.document.unlocked': `{actor} unlocked ${PART_EN}`,

    'activity.goal.version_restored':
      '{actor} restored version {restoredFrom, number} of a goal (title, why and text; now version {version, number})',
    'documents.errors.textLocked': 'This text is locked: it cannot be restored until the lock ends.',
    'documents.errors.part': 'This part of the document cannot be locked.',
    'documents.errors.reason': 'Please give a reason of at least 3 characters: everyone sees it.',
    'documents.errors.endsInPast': 'The end of the lock must be in the future.',
    'documents.errors.endsTooLate': 'A lock may last at most a year.',
    'documents.errors.endsRequired': 'Please choose when the lock ends.',
    'documents.errors.alreadyLocked': 'This is locked already. Unlock it first to lock it again.',
    'documents.errors.notLocked': 'This is not locked (any more).',

    'documents.lock.banner': 'Locked by {name} until {until, date, long} {until, time, short} — {reason}',
    'documents.lock.bannerOpenEnded': 'Locked by {name} — {reason}',
    'documents.lock.readOnly': 'Nobody can change it while it is locked; you can still read it.',
    'documents.lock.lock': 'Lock…',
    'documents.lock.unlock': 'Unlock',
    'documents.lock.dialogTitle': 'Lock for a while',
    'documents.lock.dialogHelp':
      'While it is locked nobody can change it, managers included; everyone still reads it and sees who locked it, until when and why.',
    'documents.lock.reason': 'Reason (everyone sees it)',
    'documents.lock.until': 'Locked until',
    'documents.lock.confirm': 'Lock',
    'documents.lock.cancel': 'Cancel',
    'documents.lock.unlocked': 'Unlocked.',
    'documents.lock.locked': 'Locked.',
  },
  de: {
    'activity.document.written':
      '{actor} hat eine Änderung in ein gemeinsames Dokument geschrieben (im Rahmen einer anderen Aktion)',
    'activity.document.locked': `{actor} hat ${PART_DE} gesperrt: {reason}`,
    'activity.document.unlocked': `{actor} hat ${PART_DE} wieder freigegeben`,

    'activity.goal.version_restored':
      '{actor} hat Fassung {restoredFrom, number} eines Ziels wiederhergestellt (Titel, Warum und Text; jetzt Fassung {version, number})',
    'documents.errors.textLocked':
      'Dieser Text ist gesperrt: Er kann erst nach dem Ende der Sperre wiederhergestellt werden.',
    'documents.errors.part': 'Dieser Teil des Dokuments kann nicht gesperrt werden.',
    'documents.errors.reason': 'Bitte geben Sie einen Grund mit mindestens 3 Zeichen an: Alle sehen ihn.',
    'documents.errors.endsInPast': 'Das Ende der Sperre muss in der Zukunft liegen.',
    'documents.errors.endsTooLate': 'Eine Sperre darf höchstens ein Jahr dauern.',
    'documents.errors.endsRequired': 'Bitte wählen Sie, wann die Sperre endet.',
    'documents.errors.alreadyLocked': 'Das ist schon gesperrt. Geben Sie es zuerst frei, um es neu zu sperren.',
    'documents.errors.notLocked': 'Das ist nicht (mehr) gesperrt.',

    'documents.lock.banner': 'Gesperrt von {name} bis {until, date, long}, {until, time, short} Uhr — {reason}',
    'documents.lock.bannerOpenEnded': 'Gesperrt von {name} — {reason}',
    'documents.lock.readOnly': 'Solange es gesperrt ist, kann niemand es ändern; lesen können Sie es weiterhin.',
    'documents.lock.lock': 'Sperren …',
    'documents.lock.unlock': 'Freigeben',
    'documents.lock.dialogTitle': 'Für eine Weile sperren',
    'documents.lock.dialogHelp':
      'Solange es gesperrt ist, kann niemand es ändern, auch Netzwerkmanager*innen nicht; alle lesen es weiterhin und sehen, wer es bis wann und warum gesperrt hat.',
    'documents.lock.reason': 'Grund (für alle sichtbar)',
    'documents.lock.until': 'Gesperrt bis',
    'documents.lock.confirm': 'Sperren',
    'documents.lock.cancel': 'Abbrechen',
    'documents.lock.unlocked': 'Freigegeben.',
    'documents.lock.locked': 'Gesperrt.',
  },
} as const;
