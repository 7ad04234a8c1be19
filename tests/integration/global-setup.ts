import type { TestProject } from 'vitest/node';
import { startApp } from '../helpers/app-server';

/**
 * Starts ONE real app (production build, web + realtime + job runner, SQLite in a temp
 * folder, SMTP sink) for every file under tests/integration, and hands its
 * addresses to them via `provide` (read them with `app()` from
 * tests/helpers/app.ts). Stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide('app', {
    url: app.url,
    realtimeUrl: app.realtimeUrl,
    dataDir: app.dataDir,
    smtpDir: app.smtp.dir,
  });
  return async () => {
    const errors = app.errorLines();
    if (errors.length) {
      console.warn(
        `\n[integration] the app logged ${errors.length} error line(s) during the run (last 40):\n${errors.slice(-40).join('\n')}\n`,
      );
    }
    await app.stop();
  };
}
