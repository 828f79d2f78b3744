/**
 * Where sign-in sends the user back to. Only a same-origin path of the app is accepted, so a
 * crafted link (`/masuk?next=//evil.example`) cannot send a fresh session to another site.
 */
export function safeReturnPath(next: unknown, origin: string): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return null;
  // Browsers read a backslash as a slash and drop tabs and newlines: `/\evil.example` is `//`.
  if (/[\\\s]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  // The sign-in page itself is no place to return to.
  if (url.pathname === '/masuk') return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address for one who was on `path`; the staff home needs no return. */
export function signInHref(path: string, origin: string): { to: '/masuk'; search: { next?: string } } {
  const next = safeReturnPath(path, origin);
  return { to: '/masuk', search: next && next !== '/staf' ? { next } : {} };
}
