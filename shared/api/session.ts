/**
 * The names a signed-in browser and the server share: the CSRF token's readable cookie (set with the
 * httpOnly session cookie at sign-in, cleared at sign-out) and the header a write sends it back in.
 */
export const csrfCookie = 'tianshan_csrf';
export const csrfHeader = 'x-csrf-token';

/** Whether a cookie string (document.cookie) holds the CSRF cookie: without it no session was started here. */
export function hasCsrfCookie(cookies: string): boolean {
  return cookies.split(';').some((cookie) => cookie.trim().startsWith(`${csrfCookie}=`));
}
