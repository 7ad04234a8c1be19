import { describe, expect, it } from 'vitest';
import { docName, parseDocName } from './names';

const N = '0b6f6f3e-52a4-4c57-9d2a-5f0b8f1e2d3c';
const O = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('document names', () => {
  it('parses the four kinds and prints them back unchanged', () => {
    for (const name of [`commons.${N}`, `org.${N}.${O}`, `home.${N}.${O}`, `meeting.${N}.${O}`]) {
      const parsed = parseDocName(name);
      expect(parsed).not.toBeNull();
      expect(docName(parsed!)).toBe(name);
    }
    expect(parseDocName(`home.${N}.${O}`)).toEqual({ kind: 'home', networkId: N, orgId: O });
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'commons',
      `commons.${N}.${O}`,
      `home.${N}`,
      `HOME.${N}.${O}`,
      `home.${N}.${O}.x`,
      `home.${N}.${O}\n`,
      `home.${N}/../${O}`,
      `home.${N.toUpperCase()}.${O}`,
      `private.${N}.${O}`,
      `commons.${N}%00`,
      'a'.repeat(500),
    ]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});
