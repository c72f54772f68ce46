import type { Jurisdiction } from '../../../shared/units/schema';
import type { SqlDatabase } from '../sql';
import type { PacketRow, PacketStore } from '../types';

type Row = {
  id: number;
  jurisdiction: string;
  event_seq: number;
  warning_id: string;
  outcome: string;
  at: number;
  frozen_at: number;
  body: string;
};

function fromRow(row: Row): PacketRow {
  return {
    id: row.id,
    jurisdiction: row.jurisdiction as Jurisdiction,
    eventSeq: row.event_seq,
    warningId: row.warning_id,
    outcome: row.outcome,
    at: row.at,
    frozenAt: row.frozen_at,
    body: JSON.parse(row.body),
  };
}

/** Decision packets (migration 15): appended with their event, read by warning or id. */
export function packetStore(database: SqlDatabase): PacketStore {
  const insert = database.prepare<unknown[], { id: number }>(
    `INSERT INTO decision_packets (jurisdiction, event_seq, warning_id, outcome, at, frozen_at, body)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const byWarning = database.prepare<[string], Row>(
    'SELECT * FROM decision_packets WHERE warning_id = ? ORDER BY id',
  );
  const byId = database.prepare<[number], Row>('SELECT * FROM decision_packets WHERE id = ?');
  return {
    appendPacket(row) {
      const inserted = insert.get(
        row.jurisdiction,
        row.eventSeq,
        row.warningId,
        row.outcome,
        row.at,
        row.frozenAt,
        JSON.stringify(row.body),
      );
      return Number(inserted!.id);
    },
    packets: (warningId) => byWarning.all(warningId).map(fromRow),
    packet(id) {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
  };
}
