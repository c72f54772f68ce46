import type { Socket } from 'socket.io';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';
import { officeRecordsAccess } from './access';
import { sessionFromCookie } from './principal';

/**
 * The live module's `authorize(socket, jurisdiction)`, the same read rule as HTTP (officeRecordsAccess):
 * anyone watches the state, like GET /api/state (the wall display needs no login); the warning events
 * inside deltas go only to accounts of that prefecture, signed in by the handshake's session cookie.
 */
export function socketAuthorizer(store: Store) {
  return (socket: Socket, jurisdiction: Jurisdiction): { officeRecords: boolean } => {
    const signedIn = sessionFromCookie(store, socket.handshake.headers.cookie, Date.now());
    const principal = signedIn ? ({ kind: 'account', ...signedIn } as const) : null;
    return { officeRecords: officeRecordsAccess(principal, jurisdiction).ok };
  };
}
