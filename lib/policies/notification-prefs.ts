import { ForbiddenError } from './define';
import type { Actor } from './actor';

/**
 * A person's notification choices and digest settings belong to them alone:
 * nobody else reads or changes them (not even a network manager). They are not
 * part of any network, so they stand outside the network permission matrix;
 * the API answers another person's settings as not found.
 */
export const notificationPrefsPolicy = {
  subject: 'notificationPrefs',
  describe: 'A person’s notification choices per kind and their digest settings',
  actions: {
    read: { who: 'The person themselves' },
    update: { who: 'The person themselves' },
  },
  can(actor: Pick<Actor, 'userId'> | null, _action: 'read' | 'update', ownerId: string): boolean {
    return !!actor && actor.userId === ownerId;
  },
  authorize(actor: Pick<Actor, 'userId'> | null, action: 'read' | 'update', ownerId: string): void {
    if (!this.can(actor, action, ownerId)) throw new ForbiddenError(`notificationPrefs.${action}`, true);
  },
};
