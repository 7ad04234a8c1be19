/**
 * `npm run fuzz [-- --seed N] [--frames N] [--batch N] [--workers N] [--minutes N]`: the
 * structure-aware fuzzer against a real realtime server process (see
 * tests/realtime/fuzz-harness.ts). Default: 1,000,000 frames, seed from the
 * clock (printed, so a failing run can be replayed with --seed). `--minutes`
 * stops after the batch running at that time and reports the frames sent.
 */
import { runFuzz } from '../tests/realtime/fuzz-harness';

const USAGE = 'npm run fuzz [-- --seed N] [--frames N] [--batch N] [--workers N] [--minutes N]';
const FLAGS = new Set(['--seed', '--frames', '--batch', '--workers', '--minutes']);
const given = process.argv.slice(2);
if (given.includes('--help') || given.includes('-h')) {
  console.log(`usage: ${USAGE}\n(default: 1,000,000 frames, seed from the clock)`);
  process.exit(0);
}
for (let i = 0; i < given.length; i += 2) {
  if (!FLAGS.has(given[i])) {
    console.error(`fuzz: unknown argument "${given[i]}"\nusage: ${USAGE}`);
    process.exit(2);
  }
}
// Ctrl-C or a kill ends the run through process.exit, which also stops the server process it started.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const arg = (name: string): number | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
};

const seed = arg('seed') ?? Date.now() % 2 ** 31;
const frames = arg('frames') ?? 1_000_000;
console.log(`fuzz: seed ${seed}, ${frames} frames (replay: npm run fuzz -- --seed ${seed} --frames ${frames})`);
const result = await runFuzz({
  seed,
  frames,
  batch: arg('batch'),
  workers: arg('workers'),
  minutes: arg('minutes'),
  log: (line) => console.log(line),
});
const mib = (b: number) => Math.round(b / 2 ** 20);
console.log(
  `\nfuzz seed ${result.seed}: ${result.framesSent} frames over ${result.connections} sockets in ` +
    `${Math.round(result.elapsedMs / 1000)} s; ${result.batches} batches checked; crashes ${result.crashes}; ` +
    `unloadable documents ${result.unloadable.length}; peak RSS ${mib(result.peakRssBytes)} MiB; ` +
    `honest client converged in p50 ${result.convergeMs.p50} ms, max ${result.convergeMs.max} ms; ` +
    `closes ${JSON.stringify(result.closes)}; failures ${result.failures.length}`,
);
for (const f of result.failures) console.log(`  - ${f}`);
process.exit(result.failures.length === 0 ? 0 : 1);
