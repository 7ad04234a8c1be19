import { BUILTIN_UNITS } from '../ledger/units';
import type { Translate } from '../i18n';

/** An amount with its unit in the reader's language ("7.5 hours", "7,5 Stunden", a network's own unit by its label). */
export function amountWords(t: Translate, unit: string, amount: number, labels: ReadonlyMap<string, string>): string {
  if ((BUILTIN_UNITS as readonly string[]).includes(unit)) return t(`cooperation.amount.${unit}`, { amount });
  return t('cooperation.amount.custom', { amount, unit: labels.get(unit) ?? unit.replace(/^custom:/, '') });
}

/** A file name from a title: letters, digits and dashes, at most 60 characters. */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** A Content-Disposition for a download: an ASCII name and the exact one (RFC 6266). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
