/** Networks, organisations, invitations and members: commands and queries. */
export * from './create-network';
export * from './update-network';
export * from './create-organisation';
export * from './update-organisation';
export * from './set-organisation-status';
export * from './create-invitation';
export * from './revoke-invitation';
export * from './accept-invitation';
export * from './change-member-role';
export * from './remove-member';
export * from './leave-network';
export * from './queries';
export { nameKey } from './organisation-name';
