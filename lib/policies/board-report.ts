import { belongsTo } from './actor';
import { definePolicy } from './define';

/** The organisation's report for its home board ("What we gave and got"): home data. */
export const boardReportPolicy = definePolicy({
  subject: 'boardReport',
  describe: 'An organisation’s report for its home board (“What we gave and got”)',
  networkOf: (r: { networkId: string; organisationId: string }) => r.networkId,
  actions: {
    read: {
      who: 'The organisation’s own representatives and home members (page, Markdown, PDF)',
      allow: (m, r) => belongsTo(m, r.organisationId),
      refusal: 404,
    },
  },
});
