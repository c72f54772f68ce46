import { randomBytes } from 'node:crypto';
import type { AccountRow, SessionRow, Store } from '../store/types';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

export const sessionHours = 12;

/** Each retry follows a hash that changed while the password was checked; a few cover any real interleaving. */
const attempts = 3;

export type SignIn =
  | { ok: true; account: AccountRow; session: SessionRow }
  | { ok: false; accountDisabled: boolean };

/**
 * Checks a password and opens a session. The session is written only if the hash the password matched is
 * still the account's, read again inside the transaction that writes it: a sign-in that checked the old
 * password while a new one was being set gets no session after the change (the change ended the others).
 * A hash replaced meanwhile is checked in turn (a concurrent sign-in may have rehashed the same password).
 */
export async function signIn(
  store: Store,
  username: string,
  password: string,
  audit: { ip: string | undefined; now: number },
): Promise<SignIn> {
  let expected = store.accountByUsername(username);
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const check = await verifyPassword(password, expected?.passwordHash ?? decoyHash);
    // A disabled account gets the wrong password's answer, after the same hashing: nobody learns it exists.
    if (!expected || !check.valid || expected.disabledAt !== null)
      return refuse(store, username, audit, expected !== null && expected.disabledAt !== null && check.valid);
    // A hash made at a lower cost is replaced now, while the password is at hand.
    const rehashed = check.needsRehash ? await hashPassword(password) : null;
    const verified: AccountRow = expected;
    const session: SessionRow = {
      id: randomBytes(32).toString('base64url'),
      accountId: verified.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: audit.now,
      expiresAt: audit.now + sessionHours * 3_600_000,
    };
    const current = store.transaction(() => {
      const now = store.accountById(verified.id);
      if (!now || now.passwordHash !== verified.passwordHash || now.disabledAt !== null) return now;
      if (rehashed) store.replacePasswordHash(verified.id, rehashed);
      store.addSession(session);
      store.appendAudit({
        at: audit.now,
        actor: `${verified.username} (${verified.role})`,
        action: 'login',
        detail: rehashed ? { ip: audit.ip, passwordRehashed: true } : { ip: audit.ip },
      });
      return 'signed-in' as const;
    });
    if (current === 'signed-in') return { ok: true, account: verified, session };
    expected = current;
  }
  return refuse(store, username, audit, false);
}

function refuse(
  store: Store,
  username: string,
  audit: { ip: string | undefined; now: number },
  accountDisabled: boolean,
): SignIn {
  const detail = accountDisabled ? { ip: audit.ip, accountDisabled: true } : { ip: audit.ip };
  store.appendAudit({ at: audit.now, actor: username, action: 'login.failed', detail });
  return { ok: false, accountDisabled };
}
