import { describe, expect, it } from 'vitest';
import { diffWords } from './text-diff';

describe('the difference between two versions of a text, word by word', () => {
  it('marks removed and added words and keeps the rest', () => {
    expect(diffWords('Rooms on two evenings.', 'Rooms on three evenings a week.')).toEqual([
      { kind: 'same', text: 'Rooms on ' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: 'three' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'evenings.' },
      { kind: 'added', text: 'evenings a week.' },
    ]);
  });

  it('joins back to each side', () => {
    const before = 'Sprachkurse, Räume und Beratung an einem Ort.';
    const after = 'Sprachkurse und Beratung an einem Ort, statt an drei.';
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('equal texts are one unchanged run; empty to text is all added', () => {
    expect(diffWords('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
    expect(diffWords('', 'New')).toEqual([{ kind: 'added', text: 'New' }]);
  });
});
