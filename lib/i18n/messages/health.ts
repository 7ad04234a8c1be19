/** Network health (lib/health, app/networks/[networkId]/health): the exchange map, structure, investment, horizon. */
export const health = {
  en: {
    'health.title': 'Network health',
    'health.intro':
      'How the partners really cooperate, worked out from confirmed give and take, commitments and what people do here. Each figure comes with what it means.',

    'health.filter.title': 'What to look at',
    'health.filter.unit': 'Measure flows in',
    'health.filter.count': 'number of exchanges',
    'health.filter.from': 'From',
    'health.filter.to': 'To',
    'health.filter.organisations': 'Organisations',
    'health.filter.organisationsHint': 'With none ticked, all organisations are shown.',
    'health.filter.apply': 'Show',
    'health.filter.summary':
      'Flows measured in {unit}, {from} to {to}, {count, plural, =0 {all organisations} one {one organisation chosen} other {# organisations chosen}}.',
    'health.filter.change': 'Change what is shown',
    'health.filter.period': '{from} to {to}',

    'health.structure.title': 'Dominated or polycentric',
    'health.structure.verdict':
      '{verdict, select, dominated {The network is dominated by {name}: most ties run through this one partner. If it stepped back, much of the cooperation would stop.} few_centres {The network has a few centres: some partners are much more connected than others, {name} most of all.} polycentric {The network is polycentric: ties are spread widely and no partner is the centre. It does not depend on any single organisation.} other {Too few organisations exchanged anything in this period to judge the structure: at least three are needed.}}',
    'health.structure.centralisation':
      'Centralisation {total, number} (0: everyone equally connected; 1: everything runs through one partner). Receiving {in, number}, giving {out, number}.',
    'health.structure.topShare':
      '{high, select, yes {More than half of all flows ({share, number, percent}) involve {name}.} other {The busiest partner, {name}, is involved in {share, number, percent} of all flows.}}',
    'health.structure.gini':
      '{unequal, select, yes {What the partners give is very unequal (Gini {gini, number}): a few carry the load.} other {What the partners give is fairly even (Gini {gini, number}; 0 means all give alike).}}',
    'health.structure.thresholds':
      'Dominated from a centralisation of {dominated, number}, polycentric below {polycentric, number}.',

    'health.map.title': 'Exchange map',
    'health.map.description':
      'Organisations as circles, larger for more given and received; arrows from giver to receiver, thicker for more. The table below has the same figures.',
    'health.map.graphic':
      'Exchange map: {nodes, plural, one {# organisation} other {# organisations}} and {edges, plural, one {# flow} other {# flows}}',
    'health.map.empty':
      'No confirmed exchanges between organisations in this period. Record in the ledger what you give and take and ask your partners to confirm it: the map draws confirmed entries only.',
    'health.map.table': 'Flows between organisations',
    'health.map.capped':
      'Shown are the {shown, number} largest of {total, number} flows; the figures above count them all. Choose organisations to see every flow between them.',
    'health.map.from': 'From',
    'health.map.to': 'To',
    'health.map.amount': 'Amount',
    'health.map.exchanges': 'Exchanges',
    'health.map.orgTable': 'Organisations on the map',
    'health.map.given': 'Given',
    'health.map.received': 'Received',
    'health.map.loading': 'Drawing the map …',
    'health.map.failed': 'This browser cannot draw the map (it needs WebGL). The tables below carry the same figures.',

    'health.trend.title': 'Structure over time',
    'health.trend.months': 'By month',
    'health.trend.quarters': 'By quarter',
    'health.trend.chart':
      'Centralisation and the busiest partner’s share {by, select, quarter {by quarter} other {by month}}',
    'health.trend.period': 'Period',
    'health.trend.centralisation': 'Centralisation',
    'health.trend.topShare': 'Busiest partner’s share',
    'health.trend.gini': 'Gini of giving',
    'health.trend.verdict': 'Verdict',
    'health.trend.exchanges': 'Exchanges',
    'health.trend.source': 'Source',
    'health.trend.snapshot': 'kept',
    'health.trend.live': 'live',
    'health.trend.summary':
      '{change, select, more {Over the period the network became more centralised ({first, number} → {last, number}).} less {Over the period the network became less centralised ({first, number} → {last, number}).} same {Over the period the structure stayed about the same ({last, number}).} other {There are not enough periods with three or more active organisations to show a trend.}}',
    'health.verdict.short':
      '{verdict, select, dominated {one dominates} few_centres {a few centres} polycentric {many centres} other {too few to judge}}',

    'health.investment.title': 'Investment and the empty-shell warning',
    'health.investment.intro':
      'Each week counts what an organisation put in: entries it gave, commitments made and delivered, and its people’s actions here. An organisation whose investment falls {weeks, plural, one {# week} other {# weeks}} in a row is marked dormant.',
    'health.investment.networkWarning':
      'Most organisations are dormant ({dormant, number} of {total, number}). The network keeps its form but is losing its life: talk together about what each partner still wants from it.',
    'health.investment.mineWarning':
      'Your organisation’s investment has fallen for {weeks, plural, one {# week} other {# weeks}} in a row. Is the network still worth it to you? Say so to your partners.',
    'health.investment.dormant':
      '{dormant, plural, =0 {No organisation is dormant.} one {One organisation is dormant: {names}.} other {# organisations are dormant: {names}.}}',
    'health.investment.networkTrend':
      '{streak, plural, =0 {The network’s investment did not fall last week.} one {The network’s investment fell last week.} other {The network’s investment has fallen # weeks in a row.}}',
    'health.investment.chart': 'Investment per week, whole network',
    'health.investment.week': 'Week of',
    'health.investment.given': 'Given ({unit})',
    'health.investment.made': 'Commitments made',
    'health.investment.delivered': 'Commitments delivered',
    'health.investment.participation': 'Actions',
    'health.investment.index': 'All contributions',
    'health.investment.orgTable': 'Investment per organisation',
    'health.investment.lastWeeks': 'Contributions in the last {weeks, plural, one {# week} other {# weeks}}',
    'health.investment.streak': 'Weeks down in a row',
    'health.investment.state': 'State',
    'health.investment.stateDormant': 'Dormant',
    'health.investment.stateActive': 'Active',
    'health.investment.statePaused': 'Paused',
    'health.investment.stateNotStarted': 'Not started yet',
    'health.investment.notStarted':
      '{count, plural, one {One organisation has not contributed in any complete week yet: {names}. It is not counted as dormant, since nothing has fallen; its count starts with its first week of contributions.} other {# organisations have not contributed in any complete week yet: {names}. They are not counted as dormant, since nothing has fallen; their count starts with their first week of contributions.}}',
    'health.investment.empty':
      'No organisation is in this view yet. Add organisations to the network, or tick fewer filters.',

    'health.dormancy.title': 'When to warn',
    'health.dormancy.label': 'Falling weeks in a row before an organisation counts as dormant',
    'health.dormancy.hint': 'Between {min, number} and {max, number} weeks.',
    'health.dormancy.save': 'Save',
    'health.dormancy.saved': 'Saved: dormant after {weeks, plural, one {# falling week} other {# falling weeks}}.',

    'health.horizon.title': 'Shadow of the future',
    'health.horizon.intro':
      'Cooperation without anyone in charge lives on a long horizon and on coming back to each other. This counts the dates planned ahead: due dates of open commitments and pilot reviews.',
    'health.horizon.now':
      'Half of what is planned lies within {median, plural, one {# day} other {# days}}; the furthest plan reaches {furthest, plural, one {# day} other {# days}} ahead, to {date}.',
    'health.horizon.nothing':
      'Nothing is planned ahead: no open commitment or pilot review has a date to come. Agree on commitments with due dates to give the cooperation a future.',
    'health.horizon.shrinking':
      'The horizon is shrinking: a quarter ago half of the plans reached {before, plural, one {# day} other {# days}} ahead, now {now, plural, one {# day} other {# days}}. Partners are planning less far ahead.',
    'health.horizon.shrunkToNothing':
      'The horizon has closed: a quarter ago half of the plans reached {before, plural, one {# day} other {# days}} ahead, now nothing is planned.',
    'health.horizon.holding':
      'The horizon holds: a quarter ago half of the plans reached {before, plural, one {# day} other {# days}} ahead, now {now, plural, one {# day} other {# days}}.',
    'health.horizon.noCompare': 'A quarter ago nothing was planned ahead, so there is nothing to compare with yet.',
    'health.horizon.pairs':
      '{total, plural, =0 {No pair of partners exchanged anything in this period.} one {{repeated, plural, =0 {One pair of partners exchanged something, only once so far.} other {One pair of partners exchanged something, and more than once.}}} other {{repeated, plural, =0 {{total, number} pairs of partners exchanged something, none of them more than once so far.} one {{total, number} pairs of partners exchanged something; one of them more than once.} other {{total, number} pairs of partners exchanged something; {repeated, number} of them more than once.}}}}',
    'health.horizon.chart': 'Planned ahead at each month’s end (days)',
    'health.horizon.month': 'Month',
    'health.horizon.median': 'Median (days)',
    'health.horizon.furthest': 'Furthest (days)',
    'health.horizon.planned': 'Dates planned',
    'health.horizon.pairTable': 'Exchanges per pair of partners',
    'health.horizon.partner': 'Partner',
    'health.horizon.exchanges': 'Exchanges',

    'health.chart.data': 'Figures of the chart',
    'health.chart.none': 'none',

    'health.errors.fromAfterTo': 'The period must start on or before its end (from {from} to {to}).',
    'health.errors.periodTooLong': 'A period of at most {years, number} years can be shown at once.',
    'health.errors.unknownOrganisation': 'There is no organisation {id} in this network.',
    'health.errors.onlyManagers': 'Only the network’s managers decide when organisations count as dormant.',
  },
  de: {
    'health.title': 'Zustand des Netzwerks',
    'health.intro':
      'Wie die Partner tatsächlich zusammenarbeiten, ermittelt aus bestätigtem Geben und Nehmen, Zusagen und dem, was hier getan wird. Zu jeder Zahl steht, was sie bedeutet.',

    'health.filter.title': 'Was angezeigt wird',
    'health.filter.unit': 'Flüsse messen in',
    'health.filter.count': 'Anzahl der Austausche',
    'health.filter.from': 'Von',
    'health.filter.to': 'Bis',
    'health.filter.organisations': 'Organisationen',
    'health.filter.organisationsHint': 'Ist keine angekreuzt, werden alle Organisationen gezeigt.',
    'health.filter.apply': 'Anzeigen',
    'health.filter.summary':
      'Flüsse gemessen in {unit}, {from} bis {to}, {count, plural, =0 {alle Organisationen} one {eine Organisation gewählt} other {# Organisationen gewählt}}.',
    'health.filter.change': 'Ändern, was angezeigt wird',
    'health.filter.period': '{from} bis {to}',

    'health.structure.title': 'Dominiert oder polyzentrisch',
    'health.structure.verdict':
      '{verdict, select, dominated {Das Netzwerk wird von {name} dominiert: Die meisten Verbindungen laufen über diesen einen Partner. Zöge er sich zurück, stünde vieles still.} few_centres {Das Netzwerk hat wenige Zentren: Einige Partner sind viel stärker verbunden als andere, am stärksten {name}.} polycentric {Das Netzwerk ist polyzentrisch: Die Verbindungen sind breit verteilt, kein Partner ist das Zentrum. Es hängt an keiner einzelnen Organisation.} other {In diesem Zeitraum haben zu wenige Organisationen etwas ausgetauscht, um die Struktur zu beurteilen: Es braucht mindestens drei.}}',
    'health.structure.centralisation':
      'Zentralisierung {total, number} (0: alle gleich stark verbunden; 1: alles läuft über einen Partner). Beim Nehmen {in, number}, beim Geben {out, number}.',
    'health.structure.topShare':
      '{high, select, yes {Mehr als die Hälfte aller Flüsse ({share, number, percent}) betrifft {name}.} other {Der aktivste Partner, {name}, ist an {share, number, percent} aller Flüsse beteiligt.}}',
    'health.structure.gini':
      '{unequal, select, yes {Was die Partner geben, ist sehr ungleich verteilt (Gini {gini, number}): Wenige tragen die Last.} other {Was die Partner geben, ist recht gleichmäßig verteilt (Gini {gini, number}; 0 heißt: alle geben gleich viel).}}',
    'health.structure.thresholds':
      'Dominiert ab einer Zentralisierung von {dominated, number}, polyzentrisch unter {polycentric, number}.',

    'health.map.title': 'Austauschkarte',
    'health.map.description':
      'Organisationen als Kreise, größer bei mehr Gegebenem und Erhaltenem; Pfeile vom Gebenden zum Empfangenden, dicker bei mehr. Die Tabelle darunter enthält dieselben Zahlen.',
    'health.map.graphic':
      'Austauschkarte: {nodes, plural, one {# Organisation} other {# Organisationen}} und {edges, plural, one {# Fluss} other {# Flüsse}}',
    'health.map.empty':
      'In diesem Zeitraum gibt es keine bestätigten Austausche zwischen Organisationen. Tragt im Geben und Nehmen ein, was ihr gebt und nehmt, und bittet eure Partner, es zu bestätigen: Die Karte zeigt nur bestätigte Einträge.',
    'health.map.table': 'Flüsse zwischen Organisationen',
    'health.map.capped':
      'Gezeigt werden die {shown, number} größten von {total, number} Flüssen; die Zahlen oben zählen alle. Wählt Organisationen, um jeden Fluss zwischen ihnen zu sehen.',
    'health.map.from': 'Von',
    'health.map.to': 'An',
    'health.map.amount': 'Menge',
    'health.map.exchanges': 'Austausche',
    'health.map.orgTable': 'Organisationen auf der Karte',
    'health.map.given': 'Gegeben',
    'health.map.received': 'Erhalten',
    'health.map.loading': 'Die Karte wird gezeichnet …',
    'health.map.failed':
      'Dieser Browser kann die Karte nicht zeichnen (sie braucht WebGL). Die Tabellen darunter enthalten dieselben Zahlen.',

    'health.trend.title': 'Struktur im Zeitverlauf',
    'health.trend.months': 'Nach Monaten',
    'health.trend.quarters': 'Nach Quartalen',
    'health.trend.chart':
      'Zentralisierung und Anteil des aktivsten Partners {by, select, quarter {je Quartal} other {je Monat}}',
    'health.trend.period': 'Zeitraum',
    'health.trend.centralisation': 'Zentralisierung',
    'health.trend.topShare': 'Anteil des aktivsten Partners',
    'health.trend.gini': 'Gini des Gebens',
    'health.trend.verdict': 'Urteil',
    'health.trend.exchanges': 'Austausche',
    'health.trend.source': 'Quelle',
    'health.trend.snapshot': 'gespeichert',
    'health.trend.live': 'aktuell berechnet',
    'health.trend.summary':
      '{change, select, more {Über den Zeitraum ist das Netzwerk zentralisierter geworden ({first, number} → {last, number}).} less {Über den Zeitraum ist das Netzwerk weniger zentralisiert geworden ({first, number} → {last, number}).} same {Über den Zeitraum ist die Struktur etwa gleich geblieben ({last, number}).} other {Es gibt zu wenige Zeiträume mit drei oder mehr aktiven Organisationen, um einen Verlauf zu zeigen.}}',
    'health.verdict.short':
      '{verdict, select, dominated {einer dominiert} few_centres {wenige Zentren} polycentric {viele Zentren} other {zu wenige für ein Urteil}}',

    'health.investment.title': 'Investitionen und die Warnung vor der leeren Hülle',
    'health.investment.intro':
      'Jede Woche zählt, was eine Organisation eingebracht hat: gegebene Einträge, gemachte und erfüllte Zusagen und was ihre Leute hier getan haben. Eine Organisation, deren Investition {weeks, plural, one {# Woche} other {# Wochen}} in Folge sinkt, gilt als ruhend.',
    'health.investment.networkWarning':
      'Die meisten Organisationen ruhen ({dormant, number} von {total, number}). Das Netzwerk behält seine Form, verliert aber sein Leben: Sprecht miteinander darüber, was jeder Partner noch von ihm will.',
    'health.investment.mineWarning':
      'Die Investition eurer Organisation sinkt seit {weeks, plural, one {# Woche} other {# Wochen}} in Folge. Lohnt sich das Netzwerk für euch noch? Sagt es euren Partnern.',
    'health.investment.dormant':
      '{dormant, plural, =0 {Keine Organisation ruht.} one {Eine Organisation ruht: {names}.} other {# Organisationen ruhen: {names}.}}',
    'health.investment.networkTrend':
      '{streak, plural, =0 {Die Investition des Netzwerks ist letzte Woche nicht gesunken.} one {Die Investition des Netzwerks ist letzte Woche gesunken.} other {Die Investition des Netzwerks sinkt seit # Wochen in Folge.}}',
    'health.investment.chart': 'Investition pro Woche, ganzes Netzwerk',
    'health.investment.week': 'Woche ab',
    'health.investment.given': 'Gegeben ({unit})',
    'health.investment.made': 'Gemachte Zusagen',
    'health.investment.delivered': 'Erfüllte Zusagen',
    'health.investment.participation': 'Aktionen',
    'health.investment.index': 'Alle Beiträge',
    'health.investment.orgTable': 'Investition pro Organisation',
    'health.investment.lastWeeks': 'Beiträge in den letzten {weeks, plural, one {# Woche} other {# Wochen}}',
    'health.investment.streak': 'Wochen in Folge gesunken',
    'health.investment.state': 'Zustand',
    'health.investment.stateDormant': 'Ruhend',
    'health.investment.stateActive': 'Aktiv',
    'health.investment.statePaused': 'Pausiert',
    'health.investment.stateNotStarted': 'Noch nicht begonnen',
    'health.investment.notStarted':
      '{count, plural, one {Eine Organisation hat noch in keiner abgeschlossenen Woche etwas eingebracht: {names}. Sie gilt nicht als ruhend, denn nichts ist gesunken; ihre Zählung beginnt mit ihrer ersten Woche mit Beiträgen.} other {# Organisationen haben noch in keiner abgeschlossenen Woche etwas eingebracht: {names}. Sie gelten nicht als ruhend, denn nichts ist gesunken; ihre Zählung beginnt mit ihrer ersten Woche mit Beiträgen.}}',
    'health.investment.empty':
      'In dieser Ansicht ist noch keine Organisation. Fügt dem Netzwerk Organisationen hinzu oder kreuzt weniger Filter an.',

    'health.dormancy.title': 'Wann gewarnt wird',
    'health.dormancy.label': 'Sinkende Wochen in Folge, bis eine Organisation als ruhend gilt',
    'health.dormancy.hint': 'Zwischen {min, number} und {max, number} Wochen.',
    'health.dormancy.save': 'Speichern',
    'health.dormancy.saved':
      'Gespeichert: ruhend nach {weeks, plural, one {# sinkenden Woche} other {# sinkenden Wochen}}.',

    'health.horizon.title': 'Schatten der Zukunft',
    'health.horizon.intro':
      'Kooperation ohne zentrale Steuerung lebt von einem langen Horizont und davon, immer wieder zueinander zu kommen. Gezählt werden die vorausgeplanten Termine: Fälligkeiten offener Zusagen und Pilot-Überprüfungen.',
    'health.horizon.now':
      'Die Hälfte des Geplanten liegt innerhalb von {median, plural, one {# Tag} other {# Tagen}}; der weiteste Plan reicht {furthest, plural, one {# Tag} other {# Tage}} voraus, bis {date}.',
    'health.horizon.nothing':
      'Nichts ist vorausgeplant: Keine offene Zusage und keine Pilot-Überprüfung hat einen kommenden Termin. Vereinbart Zusagen mit Fälligkeit, um der Zusammenarbeit eine Zukunft zu geben.',
    'health.horizon.shrinking':
      'Der Horizont schrumpft: Vor einem Quartal reichte die Hälfte der Pläne {before, plural, one {# Tag} other {# Tage}} voraus, jetzt {now, plural, one {# Tag} other {# Tage}}. Die Partner planen weniger weit voraus.',
    'health.horizon.shrunkToNothing':
      'Der Horizont hat sich geschlossen: Vor einem Quartal reichte die Hälfte der Pläne {before, plural, one {# Tag} other {# Tage}} voraus, jetzt ist nichts geplant.',
    'health.horizon.holding':
      'Der Horizont hält: Vor einem Quartal reichte die Hälfte der Pläne {before, plural, one {# Tag} other {# Tage}} voraus, jetzt {now, plural, one {# Tag} other {# Tage}}.',
    'health.horizon.noCompare': 'Vor einem Quartal war nichts vorausgeplant, daher gibt es noch nichts zu vergleichen.',
    'health.horizon.pairs':
      '{total, plural, =0 {Kein Partnerpaar hat in diesem Zeitraum etwas ausgetauscht.} one {{repeated, plural, =0 {Ein Partnerpaar hat etwas ausgetauscht, bisher nur einmal.} other {Ein Partnerpaar hat etwas ausgetauscht, und das mehr als einmal.}}} other {{repeated, plural, =0 {{total, number} Partnerpaare haben etwas ausgetauscht, bisher keines mehr als einmal.} one {{total, number} Partnerpaare haben etwas ausgetauscht; eines davon mehr als einmal.} other {{total, number} Partnerpaare haben etwas ausgetauscht; {repeated, number} davon mehr als einmal.}}}}',
    'health.horizon.chart': 'Vorausgeplant am Ende jedes Monats (Tage)',
    'health.horizon.month': 'Monat',
    'health.horizon.median': 'Median (Tage)',
    'health.horizon.furthest': 'Am weitesten (Tage)',
    'health.horizon.planned': 'Geplante Termine',
    'health.horizon.pairTable': 'Austausche pro Partnerpaar',
    'health.horizon.partner': 'Partner',
    'health.horizon.exchanges': 'Austausche',

    'health.chart.data': 'Zahlen zum Diagramm',
    'health.chart.none': 'keine',

    'health.errors.fromAfterTo': 'Der Zeitraum muss vor oder an seinem Ende beginnen (von {from} bis {to}).',
    'health.errors.periodTooLong': 'Es lassen sich höchstens {years, number} Jahre auf einmal zeigen.',
    'health.errors.unknownOrganisation': 'In diesem Netzwerk gibt es keine Organisation {id}.',
    'health.errors.onlyManagers': 'Nur das Netzwerkmanagement legt fest, wann Organisationen als ruhend gelten.',
  },
};
