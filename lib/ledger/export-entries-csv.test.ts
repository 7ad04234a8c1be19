import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { csvCell, LEDGER_CSV_COLUMNS } from './export-entries-csv';

describe('the ledger CSV', () => {
  it('every column has a header in English and in German', () => {
    for (const c of LEDGER_CSV_COLUMNS) {
      const key = `cooperation.csv.${c.key}`;
      expect(t('en', key), key).not.toBe(key);
      expect(t('de', key), key).not.toBe(key);
    }
  });

  it('a cell a spreadsheet would run as a formula is defused, and separators are quoted', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-3+1')).toBe("'-3+1");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(null)).toBe('');
  });
});
