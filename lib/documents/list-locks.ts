import type { Queryable } from '../db/types';
import { documentPolicy, requireMember, type Actor } from '../policies';
import { activeLocks, docOfNetwork, presentLock } from './records';

/**
 * The locks in force on a document, for whoever may read it, with the
 * document's abilities (may this person lock or unlock it).
 */
export async function listDocumentLocks(q: Queryable, actor: Actor, networkId: string, docName: string) {
  requireMember(actor, networkId);
  const doc = docOfNetwork(networkId, docName);
  documentPolicy.authorize(actor, 'read', doc);
  const now = Date.now();
  const abilities = documentPolicy.abilities(actor, doc);
  return {
    doc: docName,
    abilities: { lock: abilities.lock, unlock: abilities.unlock },
    locks: (await activeLocks(q, networkId, docName, now)).map((row) => ({
      ...presentLock(row, now),
      abilities: { unlock: abilities.unlock },
    })),
  };
}
