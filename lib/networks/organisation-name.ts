/** Case- and space-insensitive key that makes organisation names unique per network. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');
}
