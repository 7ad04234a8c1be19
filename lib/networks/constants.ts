/** Plain constants, safe to import from client components (no Node imports here). */
export const ORG_KINDS = ['ngo', 'nonprofit', 'public', 'company', 'cluster', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
