/** Accounts: sign up, sign in, passwords, the account page, the landing page. */
export const auth = {
  en: {
    'auth.email': 'Email address',
    'auth.password': 'Password',
    'auth.name': 'Your name',
    'auth.nameHint': 'Shown to the people you work with.',
    'auth.passwordHint':
      'At least 10 characters, and not only letters: add a digit, a space or a symbol. A short sentence works well.',
    'auth.password.tooShort': 'The password must have at least 10 characters.',
    'auth.password.tooLong': 'The password may have at most 1024 characters.',
    'auth.password.onlyLetters': 'The password must not consist of letters only: add a digit, a space or a symbol.',
    'auth.password.common': 'This password is too common and easy to guess. Please choose another.',
    'auth.email.invalid': 'Please enter a valid email address, such as name@example.org.',
    'auth.name.required': 'Please enter your name.',
    'auth.name.tooLong': 'The name may have at most 100 characters.',

    'auth.signIn.title': 'Sign in',
    'auth.signIn.submit': 'Sign in',
    'auth.signIn.busy': 'Signing in…',
    'auth.signIn.failed': 'The email address or password is not correct.',
    'auth.signIn.throttled':
      'Too many failed attempts. For your protection, sign-in is paused for a while. Please try again later or reset your password.',
    'auth.signIn.noAccount': 'No account yet?',
    'auth.signIn.forgot': 'Forgot your password?',

    'auth.signUp.title': 'Create an account',
    'auth.signUp.submit': 'Create account',
    'auth.signUp.busy': 'Creating account…',
    'auth.signUp.haveAccount': 'Already have an account?',
    'auth.signUp.emailTaken': 'An account with this email address already exists. Please sign in instead.',
    'auth.signUp.signInFailed': 'Your account was created, but signing in failed. Please sign in.',

    'auth.signOut.busy': 'Signing out…',
    'auth.signOut.unsentTitle': 'Sign out and lose unsent changes?',
    'auth.signOut.unsentOne': '1 change not yet sent will be lost.',
    'auth.signOut.unsentMany': '{count, plural, one {# change} other {# changes}} not yet sent will be lost.',
    'auth.signOut.unsentWhy':
      'They were made without a connection and are kept only in this browser. Signing out deletes this browser’s offline copies, so that nobody else using it can read them. To keep your changes, cancel and wait until you are online again.',
    'auth.signOut.anyway': 'Sign out anyway',

    'auth.forgot.title': 'Reset your password',
    'auth.forgot.intro':
      'Enter the email address of your account. If an account exists, we send a link to set a new password. The link works once, for one hour.',
    'auth.forgot.submit': 'Send reset link',
    'auth.forgot.sent':
      'If an account exists for this address, an email with a reset link is on its way. Please check your inbox.',
    'auth.forgot.mailSubject': 'Reset your Netzwerkraum password',
    'auth.forgot.mailText':
      'Hello {name},\n\nsomeone (hopefully you) asked to reset the password of your Netzwerkraum account.\n\nSet a new password here (the link works once, for one hour):\n{link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.',

    'auth.reset.title': 'Choose a new password',
    'auth.reset.newPassword': 'New password',
    'auth.reset.submit': 'Set new password',
    'auth.reset.done': 'Your password has been changed. Please sign in with the new password.',
    'auth.reset.invalidToken':
      'This reset link is not valid: it may have expired, been used already, or be incomplete. Please request a new one.',
    'auth.reset.requestNew': 'Request a new link',

    'account.title': 'Your account',
    'account.profile': 'Profile',
    'account.signedInAs': 'Signed in as {email}',
    'account.changePassword': 'Change password',
    'account.currentPassword': 'Current password',
    'account.newPassword': 'New password',
    'account.changePassword.submit': 'Change password',
    'account.changePassword.done':
      'Your password has been changed. All your other sessions have been signed out; this one stays signed in.',
    'account.changePassword.wrongCurrent': 'The current password is not correct.',
    'account.changePassword.same': 'The new password must differ from the current one.',
    'account.signOutEverywhere': 'Sign out everywhere',
    'account.signOutEverywhere.intro': 'Ends every session of your account, on every device, including this one.',
    'account.signOutEverywhere.submit': 'Sign out on all devices',
    'account.language': 'Interface language',
    'account.language.intro': 'The language of menus, messages and emails.',
    'account.language.saved': 'The language has been saved.',
    'account.language.change': 'Change language',
    'account.password.summary': 'Changing it signs you out on your other devices; this one stays signed in.',
    'account.changePassword.save': 'Save new password',
    'account.notifications.lead':
      '{channel, select, email {You get an email at once when} digest {Your email digest tells you when} app {Only the app tells you when} other {You are not told when}}',
    'account.notifications.kind':
      '{kind, select, mention {someone mentions you} confirmation {an entry waits for your organisation’s confirmation} pilotReview {a pilot review of your organisation is due} due {your organisation’s commitments are due} other {something changes in your networks}}',
    'account.notifications.inApp': 'All of it, except what you switched off, also shows in the app under the bell.',
    'account.notifications.digest':
      '{frequency, select, daily {Your email digest comes every day at {time} ({zone}), and only when something is new.} weekly {Your email digest comes every {day} at {time} ({zone}), and only when something is new.} other {You get no email digest.}}',
    'account.notifications.digestOff':
      'As your digest is switched off, what is set to go in the digest shows in the app only.',
    'account.notifications.change': 'Change notifications',
    'account.networks.intro': 'The networks you belong to, with your role and organisation.',
    'account.careful': 'Sign out everywhere or leave a network',
    'account.careful.intro': 'These take effect at once. Each asks you to confirm first.',
    'account.signOutEverywhere.confirmTitle': 'Sign out on all devices?',
    'account.signOutEverywhere.confirmText':
      'Every session of your account ends, on every device, including this one. To continue, you sign in again with your password.',
    'account.signOutEverywhere.confirmYes': 'Yes, sign out everywhere',
    'account.leave': 'Leave a network',
    'account.leave.intro': 'You lose access to a network you leave at once. To come back, you need a new invitation.',

    'lang.en': 'English',
    'lang.de': 'Deutsch',
    'lang.switchTo': 'Switch language',

    'home.lead':
      'Netzwerkraum is a shared, live workspace for organisations that cooperate in a network: NGOs, non-profits, clusters and their partners.',
    'home.point1.title': 'Goals none of you reaches alone',
    'home.point1.text':
      'Representatives write and revise shared goals together, live, and rate whether each goal is attractive, concrete and flexible enough.',
    'home.point2.title': 'Give and take, visible',
    'home.point2.text':
      'A ledger of hours, expertise, contacts, rooms and money shows what each organisation gives and receives, confirmed by the receiving side.',
    'home.point3.title': 'Loyal to home and to the network',
    'home.point3.text':
      'Every organisation keeps a private home space and gives its representatives a mandate: what they may commit without asking back. Anything beyond it waits for a decision at home, and the network sees how long such decisions take.',
    'home.cta': 'Start with an account, then create a network or accept an invitation.',

    'footer.text': 'Netzwerkraum: a workspace for cooperation between organisations.',
  },
  de: {
    'auth.email': 'E-Mail-Adresse',
    'auth.password': 'Passwort',
    'auth.name': 'Ihr Name',
    'auth.nameHint': 'Wird den Menschen angezeigt, mit denen Sie zusammenarbeiten.',
    'auth.passwordHint':
      'Mindestens 10 Zeichen und nicht nur Buchstaben: Fügen Sie eine Ziffer, ein Leerzeichen oder ein Sonderzeichen hinzu. Ein kurzer Satz eignet sich gut.',
    'auth.password.tooShort': 'Das Passwort muss mindestens 10 Zeichen haben.',
    'auth.password.tooLong': 'Das Passwort darf höchstens 1024 Zeichen haben.',
    'auth.password.onlyLetters':
      'Das Passwort darf nicht nur aus Buchstaben bestehen: Fügen Sie eine Ziffer, ein Leerzeichen oder ein Sonderzeichen hinzu.',
    'auth.password.common': 'Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.',
    'auth.email.invalid': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, etwa name@example.org.',
    'auth.name.required': 'Bitte geben Sie Ihren Namen ein.',
    'auth.name.tooLong': 'Der Name darf höchstens 100 Zeichen haben.',

    'auth.signIn.title': 'Anmelden',
    'auth.signIn.submit': 'Anmelden',
    'auth.signIn.busy': 'Anmeldung läuft …',
    'auth.signIn.failed': 'E-Mail-Adresse oder Passwort stimmen nicht.',
    'auth.signIn.throttled':
      'Zu viele fehlgeschlagene Versuche. Zu Ihrem Schutz ist die Anmeldung für eine Weile gesperrt. Bitte versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
    'auth.signIn.noAccount': 'Noch kein Konto?',
    'auth.signIn.forgot': 'Passwort vergessen?',

    'auth.signUp.title': 'Konto anlegen',
    'auth.signUp.submit': 'Konto anlegen',
    'auth.signUp.busy': 'Konto wird angelegt …',
    'auth.signUp.haveAccount': 'Sie haben schon ein Konto?',
    'auth.signUp.emailTaken':
      'Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Bitte melden Sie sich stattdessen an.',
    'auth.signUp.signInFailed':
      'Ihr Konto wurde angelegt, die Anmeldung ist aber fehlgeschlagen. Bitte melden Sie sich an.',

    'auth.signOut.busy': 'Abmeldung läuft …',
    'auth.signOut.unsentTitle': 'Abmelden und nicht gesendete Änderungen verwerfen?',
    'auth.signOut.unsentOne': '1 noch nicht gesendete Änderung geht verloren.',
    'auth.signOut.unsentMany':
      '{count, plural, one {# noch nicht gesendete Änderung geht} other {# noch nicht gesendete Änderungen gehen}} verloren.',
    'auth.signOut.unsentWhy':
      'Sie wurden ohne Verbindung gemacht und liegen nur in diesem Browser. Beim Abmelden werden die Offline-Kopien dieses Browsers gelöscht, damit niemand sonst sie hier lesen kann. Um Ihre Änderungen zu behalten, brechen Sie ab und warten Sie, bis Sie wieder online sind.',
    'auth.signOut.anyway': 'Trotzdem abmelden',

    'auth.forgot.title': 'Passwort zurücksetzen',
    'auth.forgot.intro':
      'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wenn es ein Konto gibt, senden wir einen Link, mit dem Sie ein neues Passwort festlegen. Der Link gilt einmal, eine Stunde lang.',
    'auth.forgot.submit': 'Link zum Zurücksetzen senden',
    'auth.forgot.sent':
      'Wenn es für diese Adresse ein Konto gibt, ist eine E-Mail mit einem Link unterwegs. Bitte sehen Sie in Ihrem Postfach nach.',
    'auth.forgot.mailSubject': 'Ihr Netzwerkraum-Passwort zurücksetzen',
    'auth.forgot.mailText':
      'Hallo {name},\n\njemand (hoffentlich Sie) hat angefragt, das Passwort Ihres Netzwerkraum-Kontos zurückzusetzen.\n\nHier legen Sie ein neues Passwort fest (der Link gilt einmal, eine Stunde lang):\n{link}\n\nWenn Sie das nicht angefragt haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.',

    'auth.reset.title': 'Neues Passwort festlegen',
    'auth.reset.newPassword': 'Neues Passwort',
    'auth.reset.submit': 'Neues Passwort speichern',
    'auth.reset.done': 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.',
    'auth.reset.invalidToken':
      'Dieser Link ist nicht gültig: Er ist vielleicht abgelaufen, schon benutzt oder unvollständig. Bitte fordern Sie einen neuen an.',
    'auth.reset.requestNew': 'Neuen Link anfordern',

    'account.title': 'Ihr Konto',
    'account.profile': 'Profil',
    'account.signedInAs': 'Angemeldet als {email}',
    'account.changePassword': 'Passwort ändern',
    'account.currentPassword': 'Aktuelles Passwort',
    'account.newPassword': 'Neues Passwort',
    'account.changePassword.submit': 'Passwort ändern',
    'account.changePassword.done':
      'Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden abgemeldet; diese bleibt angemeldet.',
    'account.changePassword.wrongCurrent': 'Das aktuelle Passwort stimmt nicht.',
    'account.changePassword.same': 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
    'account.signOutEverywhere': 'Überall abmelden',
    'account.signOutEverywhere.intro': 'Beendet jede Sitzung Ihres Kontos auf allen Geräten, auch diese.',
    'account.signOutEverywhere.submit': 'Auf allen Geräten abmelden',
    'account.language': 'Sprache der Oberfläche',
    'account.language.intro': 'Die Sprache von Menüs, Meldungen und E-Mails.',
    'account.language.saved': 'Die Sprache wurde gespeichert.',
    'account.language.change': 'Sprache ändern',
    'account.password.summary':
      'Wenn Sie es ändern, werden Sie auf Ihren anderen Geräten abgemeldet; hier bleiben Sie angemeldet.',
    'account.changePassword.save': 'Neues Passwort speichern',
    'account.notifications.lead':
      '{channel, select, email {Sie bekommen sofort eine E-Mail, wenn} digest {In Ihrer Zusammenfassung per E-Mail steht, wenn} app {Nur in der App steht, wenn} other {Sie erfahren nicht, wenn}}',
    'account.notifications.kind':
      '{kind, select, mention {jemand Sie erwähnt} confirmation {ein Eintrag auf die Bestätigung Ihrer Organisation wartet} pilotReview {eine Pilot-Überprüfung Ihrer Organisation fällig ist} due {Zusagen Ihrer Organisation fällig werden} other {sich in Ihren Netzwerken etwas ändert}}',
    'account.notifications.inApp': 'All das, außer dem Ausgeschalteten, sehen Sie auch in der App unter der Glocke.',
    'account.notifications.digest':
      '{frequency, select, daily {Ihre Zusammenfassung per E-Mail kommt täglich um {time} Uhr ({zone}), und nur, wenn etwas neu ist.} weekly {Ihre Zusammenfassung per E-Mail kommt jeden {day} um {time} Uhr ({zone}), und nur, wenn etwas neu ist.} other {Sie bekommen keine Zusammenfassung per E-Mail.}}',
    'account.notifications.digestOff':
      'Da Ihre Zusammenfassung ausgeschaltet ist, sehen Sie, was in die Zusammenfassung gehen soll, nur in der App.',
    'account.notifications.change': 'Benachrichtigungen ändern',
    'account.networks.intro': 'Die Netzwerke, zu denen Sie gehören, mit Ihrer Rolle und Organisation.',
    'account.careful': 'Überall abmelden oder austreten',
    'account.careful.intro': 'Das wirkt sofort. Vorher werden Sie jeweils um Bestätigung gebeten.',
    'account.signOutEverywhere.confirmTitle': 'Auf allen Geräten abmelden?',
    'account.signOutEverywhere.confirmText':
      'Jede Sitzung Ihres Kontos endet, auf allen Geräten, auch auf diesem. Um weiterzuarbeiten, melden Sie sich mit Ihrem Passwort wieder an.',
    'account.signOutEverywhere.confirmYes': 'Ja, überall abmelden',
    'account.leave': 'Aus einem Netzwerk austreten',
    'account.leave.intro':
      'Aus einem Netzwerk auszutreten nimmt Ihnen sofort den Zugang. Um zurückzukommen, brauchen Sie eine neue Einladung.',

    'lang.en': 'English',
    'lang.de': 'Deutsch',
    'lang.switchTo': 'Sprache wechseln',

    'home.lead':
      'Netzwerkraum ist ein gemeinsamer Live-Arbeitsraum für Organisationen, die in einem Netzwerk kooperieren: NGOs, gemeinnützige Vereine, Cluster und ihre Partner.',
    'home.point1.title': 'Ziele, die keine allein erreicht',
    'home.point1.text':
      'Vertreter:innen schreiben und überarbeiten gemeinsame Ziele live und bewerten, ob jedes Ziel attraktiv, konkret und flexibel genug ist.',
    'home.point2.title': 'Geben und Nehmen, sichtbar',
    'home.point2.text':
      'Ein Buch über Stunden, Wissen, Kontakte, Räume und Geld zeigt, was jede Organisation gibt und erhält, bestätigt von der empfangenden Seite.',
    'home.point3.title': 'Loyal zur Heimatorganisation und zum Netzwerk',
    'home.point3.text':
      'Jede Organisation hat einen privaten Heimatraum und gibt ihren Vertreter:innen ein Mandat: was sie ohne Rückfrage zusagen dürfen. Was darüber hinausgeht, wartet auf eine Entscheidung zu Hause, und das Netzwerk sieht, wie lange solche Entscheidungen dauern.',
    'home.cta': 'Legen Sie ein Konto an und gründen Sie dann ein Netzwerk oder nehmen Sie eine Einladung an.',

    'footer.text': 'Netzwerkraum: ein Arbeitsraum für die Zusammenarbeit zwischen Organisationen.',
  },
} as const;
