import { belongsTo, isActive, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

export interface MandateRecord {
  networkId: string;
  /** The organisation whose home side gives the mandate. */
  organisationId: string;
  /** What the home side discloses to the other organisations (default `exists`). */
  disclosure?: string;
}

const homeOf = (m: ActorMembership, orgId: string) =>
  m.role === 'home_member' && m.organisationId === orgId && isActive(m);

/**
 * A mandate (Handlungsspielraum): the room the home side of an organisation
 * gives its representatives, and the home side's own figures beside it
 * (capacity, the tension view "Home and network"). Only home members set
 * them; a representative sees their mandate but cannot widen it. Other
 * organisations see only what the home side discloses (by default: that a
 * mandate exists and until when).
 */
export const mandatePolicy = definePolicy({
  subject: 'mandate',
  describe:
    'A mandate of an organisation’s representatives, its capacity and its home view (“Home and network”), set by its home side',
  networkOf: (r: MandateRecord) => r.networkId,
  actions: {
    set: {
      who: 'Home members of the organisation, while it is active (give, change or end a mandate)',
      allow: (m, r) => homeOf(m, r.organisationId),
    },
    readLimits: {
      who: 'The organisation’s own representatives and home members; everyone when the home side discloses the limits',
      allow: (m, r) => belongsTo(m, r.organisationId) || r.disclosure === 'limits',
      refusal: 'hidden',
    },
    setCapacity: {
      who: 'Home members of the organisation, while it is active (what it can invest per unit and period)',
      allow: (m, r) => homeOf(m, r.organisationId),
    },
    readHome: {
      who: 'The organisation’s own representatives and home members (capacity, history, the “Home and network” view)',
      allow: (m, r) => belongsTo(m, r.organisationId),
      refusal: 404,
    },
  },
});

/** What the actor may do with one organisation's mandates (sent with them). */
export type MandateAbilities = AbilitiesOf<typeof mandatePolicy>;
