import { describe, expect, it } from 'vitest';
import { nameKey } from './organisation-name';

describe('organisation name keys', () => {
  it('names that differ only in case and spacing have the same key', () => {
    expect(nameKey('  Green   HANDS ')).toBe(nameKey('green hands'));
    expect(nameKey('Grüne\tHände')).toBe(nameKey('grüne hände'));
  });

  it('different names have different keys', () => {
    expect(nameKey('Green Hands')).not.toBe(nameKey('Green Hand'));
  });
});
