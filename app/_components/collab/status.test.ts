import { describe, expect, it } from 'vitest';
import { backoffMs, closeOutcome, deriveStatus, type ConnectionFacts } from './status';

const base: ConnectionFacts = {
  stopped: null,
  connected: true,
  synced: true,
  wasLive: true,
  browserOffline: false,
  access: 'write',
  pending: false,
  saved: false,
};

describe('deriveStatus', () => {
  it('says connecting before the first sync and offline once a live connection was lost', () => {
    expect(deriveStatus({ ...base, connected: false, synced: false, wasLive: false })).toBe('connecting');
    expect(deriveStatus({ ...base, connected: false, synced: false })).toBe('offline');
  });

  it('says offline when the browser has no network, even before the first sync', () => {
    expect(deriveStatus({ ...base, connected: false, wasLive: false, browserOffline: true })).toBe('offline');
  });

  it('says syncing while local changes wait for the server acknowledgement, saved once acknowledged', () => {
    expect(deriveStatus({ ...base, pending: true })).toBe('syncing');
    expect(deriveStatus({ ...base, saved: true })).toBe('saved');
    expect(deriveStatus(base)).toBe('live');
  });

  it('says read-only for a reader, whatever the acknowledgements', () => {
    expect(deriveStatus({ ...base, access: 'read', pending: true })).toBe('readOnly');
  });

  it('keeps a terminal reason over everything else', () => {
    expect(deriveStatus({ ...base, stopped: 'signedOut' })).toBe('signedOut');
    expect(deriveStatus({ ...base, connected: false, stopped: 'noAccess' })).toBe('noAccess');
  });
});

describe('closeOutcome', () => {
  it('refreshes the ticket on 4401, stops on other 44xx codes and reconnects on everything else', () => {
    expect(closeOutcome(4401)).toBe('refreshTicket');
    expect(closeOutcome(4403)).toBe('noAccess');
    expect(closeOutcome(4404)).toBe('noAccess');
    expect(closeOutcome(4400)).toBe('error');
    expect(closeOutcome(4429)).toBe('tooMany');
    expect(closeOutcome(4423)).toBe('locked');
    expect(closeOutcome(1006)).toBe('reconnect');
    expect(closeOutcome(1012)).toBe('reconnect');
    expect(closeOutcome(4000)).toBe('reconnect');
  });
});

describe('backoffMs', () => {
  it('grows with the attempts, stays within 2.5 s and never drops below half the base', () => {
    expect(backoffMs(0, () => 0)).toBe(50);
    expect(backoffMs(3, () => 1)).toBe(800);
    expect(backoffMs(20, () => 1)).toBe(2_500);
    expect(backoffMs(20, () => 0)).toBe(1_250);
  });
});
