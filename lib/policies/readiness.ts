import { belongsTo, isActive } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface ReadinessRecord {
  networkId: string;
  /** The organisation whose check it is. */
  organisationId: string;
  /** True when the organisation shared this check's summary with the network. */
  shared?: boolean;
}

/**
 * The readiness check (Netzwerk-Check, concept 4) and the report for the home
 * board: home data. Only the organisation's own people (its representatives
 * and home members) read, answer and share them; everyone else, network
 * managers included, is answered as if they did not exist (404). A summary the
 * organisation shared is read by every member.
 */
export const readinessPolicy = definePolicy({
  subject: 'readiness',
  describe: 'An organisation’s readiness checks (Netzwerk-Check): the seven “when not to invest” questions',
  networkOf: (r: ReadinessRecord) => r.networkId,
  actions: {
    read: {
      who: 'The organisation’s own representatives and home members (answers, notes, trend)',
      allow: (m, r) => belongsTo(m, r.organisationId),
      refusal: 404,
    },
    answer: {
      who: 'The organisation’s own representatives and home members, while it is active',
      allow: (m, r) => belongsTo(m, r.organisationId) && isActive(m),
      refusal: 404,
    },
    share: {
      who: 'The organisation’s own representatives and home members (share or stop sharing a summary with the network)',
      allow: (m, r) => belongsTo(m, r.organisationId) && isActive(m),
      refusal: 404,
    },
    readSummary: {
      who: 'The organisation’s own people; every member once the organisation shared the summary',
      allow: (m, r) => belongsTo(m, r.organisationId) || r.shared === true,
      refusal: 'hidden',
    },
  },
});

export type ReadinessAbilities = AbilitiesOf<typeof readinessPolicy>;
