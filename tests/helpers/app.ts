import { inject } from 'vitest';
import { ApiClient, type ApiClientOptions } from './api-client';
import { smtpSinkReader, type SmtpSinkReader } from './smtp-sink';

/**
 * For files under tests/integration: the one real app started by
 * tests/integration/global-setup.ts.
 *
 *   const { url, smtp } = app();
 *   const alice = client();
 */
export interface InjectedApp {
  url: string;
  realtimeUrl: string;
  dataDir: string;
  smtpDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    app: InjectedApp;
  }
}

export function app(): InjectedApp & { smtp: SmtpSinkReader } {
  const injected = inject('app');
  if (!injected)
    throw new Error('No app was provided: run this file in the "integration" vitest project (tests/integration/**).');
  return { ...injected, smtp: smtpSinkReader(injected.smtpDir) };
}

/** A fresh ApiClient (own cookie jar) for the injected app. */
export function client(opts?: ApiClientOptions): ApiClient {
  return new ApiClient(app().url, opts);
}
