import { expect, test } from 'vitest';
import { hasCsrfCookie } from './session';

test('a sign-in is known by its CSRF cookie among others, not by a cookie whose name only begins the same', () => {
  expect(hasCsrfCookie('')).toBe(false);
  expect(hasCsrfCookie('theme=dark; tianshan_csrf=abc123')).toBe(true);
  expect(hasCsrfCookie('tianshan_csrf=abc123')).toBe(true);
  expect(hasCsrfCookie('tianshan_csrf_old=abc; other=tianshan_csrf=')).toBe(false);
});
