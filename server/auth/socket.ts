import type { Socket } from 'socket.io';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';
import { type Account, publicAccount, sessionFromCookie } from './principal';

/** The signed-in account of a socket, from the session cookie of its handshake; null when anonymous. */
export function authenticateSocket(store: Store, socket: Socket): Account | null {
  const signedIn = sessionFromCookie(store, socket.handshake.headers.cookie, Date.now());
  return signedIn ? publicAccount(signedIn.account) : null;
}

/**
 * The live engineer's `authorize(socket, jurisdiction)`: watching is read-only and open like GET /api/state
 * (the wall display needs no login); a signed-in account bound to one prefecture watches only that one.
 */
export function socketAuthorizer(store: Store) {
  return (socket: Socket, jurisdiction: Jurisdiction): string | null => {
    const account = authenticateSocket(store, socket);
    socket.data.account = account;
    if (account?.jurisdiction && account.jurisdiction !== jurisdiction) {
      return `account ${account.username} watches ${account.jurisdiction} only`;
    }
    return null;
  };
}
