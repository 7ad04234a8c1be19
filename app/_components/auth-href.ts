/** Pages that are themselves about signing in: coming back to them makes no sense. */
const AUTH_PAGES = ['/signin', '/signup', '/forgot-password', '/reset-password'];

/**
 * The address of the sign-in or sign-up page that brings the person back to
 * `from` afterwards (`?callbackUrl=`), e.g. to the invitation they opened.
 */
export function authHref(target: '/signin' | '/signup', from: string): string {
  if (!from.startsWith('/') || from.startsWith('//') || from === '/') return target;
  if (AUTH_PAGES.some((p) => from === p || from.startsWith(`${p}/`))) return target;
  return `${target}?callbackUrl=${encodeURIComponent(from)}`;
}
