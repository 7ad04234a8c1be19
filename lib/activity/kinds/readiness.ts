import { z } from 'zod';
import { net, page, type LinkContext, spec } from '../spec';

const verdict = z.enum(['invest', 'caution', 'against']);
const readinessPage = (r: LinkContext) =>
  typeof r.data.organisationId === 'string'
    ? `${net(r)}/organisations/${r.data.organisationId}/readiness`
    : `${net(r)}/organisations`;

/**
 * The readiness check (Netzwerk-Check) and the management mandate
 * (lib/readiness, lib/management). A check's answers are home data: its row is
 * seen by the organisation's own people only (`organisation`); sharing a
 * summary, and the management mandate, every member sees.
 */
export const READINESS_KINDS = {
  'readiness.answered': spec({
    payload: z.strictObject({
      organisationId: z.string(),
      answeredOn: z.string(),
      verdict,
      againstCount: z.number().int(),
    }),
    audience: 'organisation',
    access: 'none',
    link: readinessPage,
    example: { organisationId: 'o1', answeredOn: '2026-11-30', verdict: 'caution', againstCount: 2 },
  }),
  'readiness.shared': spec({
    payload: z.strictObject({ organisationId: z.string(), answeredOn: z.string(), verdict }),
    audience: 'members',
    access: 'none',
    link: (r) => `${net(r)}/organisations/${String(r.data.organisationId)}`,
    example: { organisationId: 'o1', answeredOn: '2026-11-30', verdict: 'invest' },
  }),
  'readiness.unshared': spec({
    payload: z.strictObject({ organisationId: z.string(), answeredOn: z.string(), verdict }),
    audience: 'members',
    access: 'none',
    link: (r) => `${net(r)}/organisations/${String(r.data.organisationId)}`,
    example: { organisationId: 'o1', answeredOn: '2026-11-30', verdict: 'invest' },
  }),
  'managementMandate.set': spec({
    payload: z.strictObject({
      version: z.number().int(),
      givenBy: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      changed: z.array(z.string()),
    }),
    audience: 'members',
    access: 'none',
    link: page('management'),
    example: {
      version: 2,
      givenBy: 'Die Steuerungsgruppe',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      changed: ['validUntil'],
    },
  }),
  'managementMandate.expiring': spec({
    payload: z.strictObject({ version: z.number().int(), validUntil: z.string(), days: z.number().int() }),
    audience: 'members',
    access: 'none',
    link: page('management'),
    example: { version: 1, validUntil: '2026-12-31', days: 14 },
  }),
} as const;
