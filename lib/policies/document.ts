import type { DocName } from '../docs/names';
import { isActive, isActiveRep, isManager, ORG_ROLES, type ActorMembership } from './actor';
import { definePolicy, type AbilitiesOf } from './define';

const ownOrg = (m: ActorMembership, doc: DocName) =>
  'orgId' in doc && m.organisationId === doc.orgId && ORG_ROLES.includes(m.role);

/**
 * Collaborative documents (Yjs). Read or write is decided once per connection
 * by the realtime server; the kinds are described in lib/docs/names.ts.
 */
export const documentPolicy = definePolicy({
  subject: 'document',
  describe: 'A collaborative document: the commons, an organisation’s page, its home space, meeting minutes',
  networkOf: (doc: DocName) => doc.networkId,
  actions: {
    read: {
      who: 'Every member; a home space only the people of that organisation (managers included in nothing)',
      allow: (m, doc) => (doc.kind === 'home' ? ownOrg(m, doc) : true),
    },
    write: {
      who: 'Commons and minutes: managers and active representatives; an organisation’s page: its active representatives; a home space: its people',
      allow: (m, doc) => {
        switch (doc.kind) {
          case 'commons':
            return (isManager(m) || m.role === 'representative') && isActive(m);
          case 'org':
            return ownOrg(m, doc) && isActiveRep(m);
          case 'home':
            return ownOrg(m, doc);
          case 'meeting':
            return isManager(m) || isActiveRep(m);
        }
      },
      // Who may read but not write gets the document read-only; a home space others may not even read.
      refusal: (doc) => (doc.kind === 'home' ? 403 : 'read-only'),
    },
    lock: {
      who: 'Network managers (a home space is its organisation’s alone: nobody locks it)',
      allow: (m, doc) => isManager(m) && doc.kind !== 'home',
    },
    unlock: {
      who: 'Network managers',
      allow: (m, doc) => isManager(m) && doc.kind !== 'home',
    },
  },
});

/** What the actor may do with one document (sent with it). */
export type DocumentAbilities = AbilitiesOf<typeof documentPolicy>;
