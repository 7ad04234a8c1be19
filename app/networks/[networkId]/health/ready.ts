/** The id of the element the health page ends with: its first paint waits for it (see layout.tsx). */
export const HEALTH_READY_ID = 'health-ready';
