import type { Request } from 'express';
import { officeRecordsAccess } from '../auth/access';
import type { PacketRow, Store } from '../store/types';
import { HttpError } from './errors';
import { enforce, requirePrincipal } from './guards';

/**
 * Decision packets are office records (the warning events and who signed them): read by the accounts of
 * their prefecture, like the warning book (server/auth/access.ts officeRecordsAccess).
 */
export function readablePacket(request: Request, store: Store): PacketRow {
  const principal = requirePrincipal(request);
  const packet = store.packet(Number(request.params.id));
  if (!packet) throw new HttpError(404, { error: `no decision packet ${request.params.id}` });
  enforce(officeRecordsAccess(principal, packet.jurisdiction));
  return packet;
}

/** The packets of one warning that the caller may read (all of them, or none: one warning, one prefecture). */
export function readablePackets(request: Request, packets: readonly PacketRow[]): PacketRow[] {
  const principal = requirePrincipal(request);
  return packets.filter((packet) => officeRecordsAccess(principal, packet.jurisdiction).ok);
}
