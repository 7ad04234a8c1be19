/**
 * `npm run chaos [-- kills]`: kill -9 the realtime server at random moments
 * while a writer with ack=1 writes continuously; every acknowledged update
 * must be in the database after each kill. Default: 100 kills.
 */
import { runKillChaos } from '../tests/realtime/kill-harness';

const kills = Number(process.argv[2] ?? process.env.CHAOS_KILLS ?? 100);
const startedAt = Date.now();
const result = await runKillChaos({ kills, log: (line) => console.log(line) });
console.log(
  `\n${result.kills} kills in ${Math.round((Date.now() - startedAt) / 1000)} s: ` +
    `${result.lossEvents} with lost acknowledged updates; ${result.acksReceived} acks received; ` +
    `final acked clock ${result.finalAcked}, stored ${result.finalStored}; ` +
    `forward-first: after ${result.seenNotStoredEvents} kills an observer had seen unacknowledged changes ` +
    `that were not stored (${result.seenNotStored} in all), ${result.cameBack} of them stored again through the author's resend.`,
);
process.exit(result.lossEvents === 0 && result.finalStored >= result.finalAcked ? 0 : 1);
