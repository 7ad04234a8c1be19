/** Meetings and decisions (lib/meetings, app/networks/[networkId]/meetings): errors, activity words, the pages. */
export const meetings = {
  en: {
    'meetings.errors.notFound': 'This meeting does not exist, or you have no access to it.',
    'meetings.errors.decisionNotFound': 'This proposal does not exist in this meeting.',
    'meetings.errors.timeMalformed': 'The time is not a valid date and time.',
    'meetings.errors.inPast': 'The meeting’s start lies in the past. Choose a time from now on.',
    'meetings.errors.tooFar': 'The meeting’s start is more than five years ahead.',
    'meetings.errors.placeOrLink': 'Give a place or an online link (or both), so people know where to come.',
    'meetings.errors.notScheduled': 'Only a meeting that has not started yet can be changed, started or cancelled.',
    'meetings.errors.notLive': 'This is only possible while the meeting is being held.',
    'meetings.errors.notInvited': 'Your organisation is not invited to this meeting.',
    'meetings.errors.noAttendance':
      'Record which organisations attended before ending the meeting: they approve the minutes.',
    'meetings.errors.notInApproval': 'The minutes of this meeting are not waiting for approval.',
    'meetings.errors.notAttended': 'Your organisation did not attend this meeting, so it does not approve its minutes.',
    'meetings.errors.alreadyApproved': 'Your organisation has already approved these minutes.',
    'meetings.errors.notOpenForProposals': 'Proposals can be made before and during the meeting only.',
    'meetings.errors.closingInPast': 'The closing time lies in the past. Choose a time from now on.',
    'meetings.errors.votingClosed': 'Voting on this proposal has closed. Nothing was recorded.',
    'meetings.errors.alreadyVoted':
      'Your organisation has already given its voice on this proposal. Each organisation has one.',
    'meetings.errors.noObjection': 'Your organisation has not objected to this proposal.',
    'meetings.errors.consentOnly': 'This proposal is decided by consent: consent or object.',
    'meetings.errors.pollOnly': 'This proposal is a poll: choose one of its options.',
    'meetings.errors.unknownOption': 'That is not one of the poll’s options.',
    'meetings.errors.alreadyClosed': 'This proposal is already closed.',
    'meetings.errors.stillOpen':
      'The proposal is open until its closing time, unless every invited organisation has given its voice.',
    'meetings.errors.notHeldYet': 'Action items come from the minutes: the meeting has not been held yet.',
    'meetings.errors.ownOrganisationOnly': 'An action item becomes a commitment of your own organisation.',
    'meetings.errors.feedRevoked':
      'This calendar address was renewed or revoked and no longer works. Copy the new address from your account page in Netzwerkraum.',
    'meetings.errors.feedUnknown':
      'This calendar address does not exist. Copy your address from your account page in Netzwerkraum.',
    'activity.meeting.scheduled': '{actor} scheduled the meeting “{title}”',
    'activity.meeting.updated': '{actor} changed the meeting “{title}”',
    'activity.meeting.cancelled': '{actor} cancelled the meeting “{title}”: {reason}',
    'activity.meeting.started': '{actor} started the meeting “{title}”',
    'activity.meeting.ended': '{actor} ended the meeting “{title}”; its minutes wait for approval',
    'activity.meeting.attendance_recorded':
      '{actor} recorded that {organisationName} {attended, select, yes {took part in} other {did not take part in}} “{title}”',
    'activity.meeting.minutes_approved': '{actor} approved the minutes of “{title}” for {organisationName}',
    'activity.meeting.minutes_objected':
      '{actor} objected to the minutes of “{title}” for {organisationName}: {objection}',
    'activity.meeting.published':
      'The minutes of “{title}” are approved, published and locked (last approval by {actor})',
    'activity.meeting.settings_changed':
      '{actor} decided that {representativesMaySchedule, select, yes {representatives may schedule meetings too} other {only network managers schedule meetings}}',
    'activity.meeting.action_item_added':
      '{actor} turned the action item “{text}” into a commitment of {organisationName}',
    'activity.decision.proposed':
      '{actor} proposed “{title}” for decision ({method, select, poll {as a poll} other {by consent}})',
    'activity.decision.voted':
      '{actor} gave the voice of {organisationName} on “{title}”: {choice, select, consent {consent given} object {objection: {objection}} other {option “{choice}”}}',
    'activity.decision.objection_withdrawn':
      '{actor} withdrew the objection of {organisationName} to “{title}”: now consent',
    'activity.decision.closed':
      '{actor} closed “{title}”: {status, select, adopted {it is adopted} rejected {not adopted (objection)} other {no decision}}',
    'activity.decision.text_adopted': '{actor} adopted the text “{title}” as decided, because: {reason}',
    'activity.calendar.feed_renewed': '{actor} renewed the personal calendar address (the old one no longer works)',
    'meetings.ics.online': 'Online',
    'meetings.ics.agenda': 'Agenda and minutes',
    'meetings.ics.cancelled': 'Cancelled',
    'meetings.ics.commitmentDue': 'Commitment due: {goal}',
    'meetings.ics.pilotReview': 'Pilot review: {title}',
    'meetings.ics.pilotCommitmentReview': 'Pilot commitment review: {title}',
    'meetings.ics.feedName': 'Netzwerkraum – {name}',
  },
  de: {
    'meetings.errors.notFound': 'Dieses Treffen gibt es nicht, oder Sie haben keinen Zugang.',
    'meetings.errors.decisionNotFound': 'Diesen Vorschlag gibt es in diesem Treffen nicht.',
    'meetings.errors.timeMalformed': 'Die Zeit ist kein gültiges Datum mit Uhrzeit.',
    'meetings.errors.inPast': 'Der Beginn des Treffens liegt in der Vergangenheit. Wählen Sie eine Zeit ab jetzt.',
    'meetings.errors.tooFar': 'Der Beginn des Treffens liegt mehr als fünf Jahre in der Zukunft.',
    'meetings.errors.placeOrLink':
      'Geben Sie einen Ort oder einen Online-Link an (oder beides), damit alle wissen, wohin.',
    'meetings.errors.notScheduled':
      'Nur ein Treffen, das noch nicht begonnen hat, kann geändert, begonnen oder abgesagt werden.',
    'meetings.errors.notLive': 'Das geht nur, während das Treffen stattfindet.',
    'meetings.errors.notInvited': 'Ihre Organisation ist zu diesem Treffen nicht eingeladen.',
    'meetings.errors.noAttendance':
      'Halten Sie fest, welche Organisationen teilgenommen haben, bevor Sie das Treffen beenden: Sie genehmigen das Protokoll.',
    'meetings.errors.notInApproval': 'Das Protokoll dieses Treffens wartet nicht auf Genehmigung.',
    'meetings.errors.notAttended':
      'Ihre Organisation hat an diesem Treffen nicht teilgenommen und genehmigt sein Protokoll daher nicht.',
    'meetings.errors.alreadyApproved': 'Ihre Organisation hat dieses Protokoll bereits genehmigt.',
    'meetings.errors.notOpenForProposals': 'Vorschläge sind nur vor und während des Treffens möglich.',
    'meetings.errors.closingInPast': 'Das Abstimmungsende liegt in der Vergangenheit. Wählen Sie eine Zeit ab jetzt.',
    'meetings.errors.votingClosed': 'Die Abstimmung über diesen Vorschlag ist beendet. Es wurde nichts festgehalten.',
    'meetings.errors.alreadyVoted':
      'Ihre Organisation hat zu diesem Vorschlag bereits ihre Stimme abgegeben. Jede Organisation hat eine.',
    'meetings.errors.noObjection': 'Ihre Organisation hat gegen diesen Vorschlag keinen Einwand erhoben.',
    'meetings.errors.consentOnly': 'Über diesen Vorschlag wird im Konsent entschieden: zustimmen oder Einwand erheben.',
    'meetings.errors.pollOnly': 'Dieser Vorschlag ist eine Umfrage: Wählen Sie eine ihrer Möglichkeiten.',
    'meetings.errors.unknownOption': 'Das ist keine der Möglichkeiten dieser Umfrage.',
    'meetings.errors.alreadyClosed': 'Dieser Vorschlag ist bereits abgeschlossen.',
    'meetings.errors.stillOpen':
      'Der Vorschlag ist bis zum Abstimmungsende offen, außer alle eingeladenen Organisationen haben abgestimmt.',
    'meetings.errors.notHeldYet': 'Aufgaben kommen aus dem Protokoll: Das Treffen hat noch nicht stattgefunden.',
    'meetings.errors.ownOrganisationOnly': 'Eine Aufgabe wird zur Zusage Ihrer eigenen Organisation.',
    'meetings.errors.feedRevoked':
      'Diese Kalenderadresse wurde erneuert oder widerrufen und funktioniert nicht mehr. Kopieren Sie die neue Adresse von Ihrer Kontoseite in Netzwerkraum.',
    'meetings.errors.feedUnknown':
      'Diese Kalenderadresse gibt es nicht. Kopieren Sie Ihre Adresse von Ihrer Kontoseite in Netzwerkraum.',
    'activity.meeting.scheduled': '{actor} hat das Treffen „{title}“ angesetzt',
    'activity.meeting.updated': '{actor} hat das Treffen „{title}“ geändert',
    'activity.meeting.cancelled': '{actor} hat das Treffen „{title}“ abgesagt: {reason}',
    'activity.meeting.started': '{actor} hat das Treffen „{title}“ begonnen',
    'activity.meeting.ended': '{actor} hat das Treffen „{title}“ beendet; das Protokoll wartet auf Genehmigung',
    'activity.meeting.attendance_recorded':
      '{actor} hat festgehalten, dass {organisationName} an „{title}“ {attended, select, yes {teilgenommen hat} other {nicht teilgenommen hat}}',
    'activity.meeting.minutes_approved': '{actor} hat das Protokoll von „{title}“ für {organisationName} genehmigt',
    'activity.meeting.minutes_objected':
      '{actor} hat für {organisationName} Einwand gegen das Protokoll von „{title}“ erhoben: {objection}',
    'activity.meeting.published':
      'Das Protokoll von „{title}“ ist genehmigt, veröffentlicht und gesperrt (letzte Genehmigung: {actor})',
    'activity.meeting.settings_changed':
      '{actor} hat entschieden, dass {representativesMaySchedule, select, yes {auch Vertreter*innen Treffen ansetzen dürfen} other {nur Netzwerkmanager*innen Treffen ansetzen}}',
    'activity.meeting.action_item_added': '{actor} hat die Aufgabe „{text}“ zur Zusage von {organisationName} gemacht',
    'activity.decision.proposed':
      '{actor} hat „{title}“ zur Entscheidung vorgeschlagen ({method, select, poll {als Umfrage} other {im Konsent}})',
    'activity.decision.voted':
      '{actor} hat die Stimme von {organisationName} zu „{title}“ abgegeben: {choice, select, consent {stimmt zu} object {Einwand: {objection}} other {Möglichkeit „{choice}“}}',
    'activity.decision.objection_withdrawn':
      '{actor} hat den Einwand von {organisationName} gegen „{title}“ zurückgezogen: jetzt Zustimmung',
    'activity.decision.closed':
      '{actor} hat „{title}“ abgeschlossen: {status, select, adopted {er ist angenommen} rejected {nicht angenommen (Einwand)} other {keine Entscheidung}}',
    'activity.decision.text_adopted': '{actor} hat den Text „{title}“ als beschlossen übernommen, Begründung: {reason}',
    'activity.calendar.feed_renewed':
      '{actor} hat die persönliche Kalenderadresse erneuert (die alte funktioniert nicht mehr)',
    'meetings.ics.online': 'Online',
    'meetings.ics.agenda': 'Tagesordnung und Protokoll',
    'meetings.ics.cancelled': 'Abgesagt',
    'meetings.ics.commitmentDue': 'Zusage fällig: {goal}',
    'meetings.ics.pilotReview': 'Pilot-Überprüfung: {title}',
    'meetings.ics.pilotCommitmentReview': 'Überprüfung einer Pilot-Zusage: {title}',
    'meetings.ics.feedName': 'Netzwerkraum – {name}',
  },
};
