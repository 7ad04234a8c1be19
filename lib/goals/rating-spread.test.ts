import { describe, expect, it } from 'vitest';
import { ratingSpread } from './get-goal';

const r = (organisationId: string, attractive: number, concrete: number, flexible: number) => ({
  organisationId,
  attractive,
  concrete,
  flexible,
});

describe('"diverges most" names one organisation only when one stands out', () => {
  it('with two raters there is no single outlier, whichever name comes first', () => {
    const s = ratingSpread([r('aaa', 5, 5, 5), r('zzz', 1, 2, 1)]);
    expect(s.mostDivergent).toBeNull();
    expect(s.tied).toBe(true);
  });

  it('with three, the one far from the others is named', () => {
    const s = ratingSpread([r('a', 4, 4, 4), r('b', 4, 3, 4), r('c', 1, 1, 2)]);
    expect(s.mostDivergent?.organisationId).toBe('c');
    expect(s.tied).toBe(false);
  });

  it('equal ratings: nobody diverges, and nothing is tied', () => {
    const s = ratingSpread([r('a', 3, 3, 3), r('b', 3, 3, 3)]);
    expect(s).toMatchObject({ mostDivergent: null, tied: false });
  });

  it('two of four tied at the top: nobody is named', () => {
    const s = ratingSpread([r('a', 5, 5, 5), r('b', 1, 1, 1), r('c', 3, 3, 3), r('d', 3, 3, 3)]);
    expect(s).toMatchObject({ mostDivergent: null, tied: true });
  });
});
