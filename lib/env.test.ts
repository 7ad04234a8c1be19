import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('configuration', () => {
  it('has working defaults for the embedded setup', () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.REALTIME_PORT).toBe(3001);
    expect(e.isPostgres).toBe(false);
    expect(e.appUrl).toBe('http://localhost:3000');
    expect(e.realtimeUrl).toBe('ws://localhost:3001');
  });

  it('stops with a message that names the bad variable', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT: must be a number/);
    expect(() => parseEnv({ REALTIME_PORT: '70000' })).toThrow(/REALTIME_PORT: must be between 0 and 65535/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' }).isPostgres).toBe(true);
  });
});
