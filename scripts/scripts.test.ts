import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nwr-scripts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(cmd: string, args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(VITEST|NODE_ENV$|DATABASE_URL$|REDIS_URL$|PORT$|DATA_DIR$)/.test(k),
    ),
  );
  return spawnSync(cmd, args, {
    cwd: ROOT,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
}
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('npm start', { timeout: 120_000 }, () => {
  it('stops before building when PORT is not a number, naming the variable', () => {
    const res = run(process.execPath, ['scripts/start.mjs'], { PORT: 'abc', DATA_DIR: path.join(tmp, 'never') });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Invalid configuration');
    expect(res.stderr).toContain('PORT: must be a number');
    expect(res.stdout).not.toContain('building');
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false);
  });

  it('refuses an unknown SEED_DEMO value', () => {
    const res = run(tsx, ['scripts/env-check.ts'], { SEED_DEMO: 'maybe' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('SEED_DEMO');
  });
});

describe('the seed script', { timeout: 180_000 }, () => {
  it('migrates and seeds an empty embedded database once, then only reports the demo as present', () => {
    const env = { DATA_DIR: path.join(tmp, 'data') };
    const first = run(tsx, ['scripts/seed.ts', '--json'], env);
    expect(first.stderr).toBe('');
    const a = JSON.parse(first.stdout.trim());
    expect(a).toMatchObject({ seeded: true, present: true });
    expect(a.signIns).toHaveLength(13);

    const again = JSON.parse(run(tsx, ['scripts/seed.ts', '--json'], env).stdout.trim());
    expect(again).toMatchObject({ seeded: false, present: true });

    const migrate = run(tsx, ['scripts/migrate.ts'], env);
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('up to date');
  });

  it('reports no demo and seeds nothing with --check-only', () => {
    const env = { DATA_DIR: path.join(tmp, 'data-check') };
    const res = JSON.parse(run(tsx, ['scripts/seed.ts', '--json', '--check-only'], env).stdout.trim());
    expect(res).toEqual({ seeded: false, present: false, signIns: [] });
  });
});
