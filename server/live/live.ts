import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { issuesOf } from '../../shared/issues';
import type { OfficeChange } from '../../shared/live/events';
import {
  type ClientToServerEvents,
  explainRequestSchema,
  joinRequestSchema,
  resyncRequestSchema,
  type ServerToClientEvents,
} from '../../shared/live/events';
import type { JurisdictionState } from '../../shared/state/schema';
import { type Jurisdiction, jurisdictionSchema } from '../../shared/units/schema';
import type { Engine } from '../engine';
import { isEmpty, leanDelta } from './lean-delta';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * The read rule for a socket watching a jurisdiction (server/auth/access.ts officeRecordsAccess): the state
 * is public; the warning events inside deltas are office records, sent only when `officeRecords` is true.
 */
export type LiveAuthorize = (socket: Socket, jurisdiction: Jurisdiction) => { officeRecords: boolean };

/**
 * Several processes (issue 19): `sequence` numbers the deltas cluster-wide (the store's), and `emits` says
 * who sends them: the lease holder to every process's clients ('cluster', through the Socket.IO adapter),
 * any process to its own clients while the adapter is down ('local'), nobody else (false). One process
 * alone is the leader (server/cluster).
 */
export type LiveSequence = {
  current: (jurisdiction: Jurisdiction) => number;
  /** The next number, or null when it cannot be taken now (the store is down): the delta is not sent. */
  advance: (jurisdiction: Jurisdiction) => number | null;
};

export type LiveOptions = {
  io: Server;
  engine: Engine;
  authorize: LiveAuthorize;
  sequence: LiveSequence;
  emits: () => 'cluster' | 'local' | false;
  /** How often this process asks its office-record watchers again who they are (default 30 s). */
  recheckMs?: number;
};

/** A refused payload's issues in one line, named as the HTTP API names them (shared/issues). */
function describeIssues(error: z.ZodError): string {
  return issuesOf(error)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
}

/** Watchers of the state, and watchers who may also read the office records (the warning events). */
function roomOf(jurisdiction: Jurisdiction, officeRecords = false): string {
  return `${officeRecords ? 'records' : 'state'}:${jurisdiction}`;
}

const rooms = (jurisdiction: Jurisdiction) => [roomOf(jurisdiction), roomOf(jurisdiction, true)];

/** Sockets whose transport holds a backlog: they get no deltas until it drains, then one snapshot. */
const laggingRoom = 'lagging';
/** Queued packets from which a client counts as fallen behind (a client that keeps up holds 0–1). */
const maxBacklog = 8;

/**
 * Packets queued for a socket that its transport has not taken yet (the client does not read fast enough).
 * engine.io keeps them in `writeBuffer` (not in its typings); reading its length costs nothing per delta.
 */
function backlogOf(socket: LiveSocket): number {
  return (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
}

/**
 * Live state over Socket.IO (issue 6): `join` → snapshot with the jurisdiction's sequence number, then one
 * delta per engine tick that changed something, seq + 1 each; `resync` → a fresh snapshot. A reconnecting
 * client joins again (one snapshot); a client whose backlog reaches `maxBacklog` gets one snapshot once it
 * drains, instead of the deltas it was behind on.
 */
export function attachLive(options: LiveOptions): {
  close: () => void;
  officeChanged: (change: OfficeChange) => void;
} {
  const io = options.io as LiveServer;
  const { engine } = options;
  const { sequence } = options;
  const lastStates = new Map<Jurisdiction, JurisdictionState>();

  /**
   * A client that falls behind resyncs from one snapshot instead of working through a backlog (issue 16.3):
   * it leaves the delta broadcast until its transport drains, then gets the state as it is by then.
   */
  function holdLagging(jurisdiction: Jurisdiction): void {
    for (const room of rooms(jurisdiction))
      for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
        const socket = io.sockets.sockets.get(id);
        if (!socket || backlogOf(socket) < maxBacklog || socket.rooms.has(laggingRoom)) continue;
        void socket.join(laggingRoom);
        socket.conn.once('drain', () => {
          void socket.leave(laggingRoom);
          if (rooms(jurisdiction).some((room) => socket.rooms.has(room))) sendSnapshot(socket, jurisdiction);
        });
      }
  }

  const stop = engine.onTick((change) => {
    const previous = lastStates.get(change.jurisdiction);
    lastStates.set(change.jurisdiction, change.state);
    const emits = options.emits();
    if (!emits) return;
    // Numbered once it is known to be sent: a number is never taken for nothing.
    const draft = leanDelta(0, change, previous);
    if (isEmpty(draft) && !change.nowChanged) return;
    const seq = sequence.advance(change.jurisdiction);
    if (seq === null) return;
    const delta = { ...draft, seq };
    holdLagging(change.jurisdiction);
    const to = (room: string | string[]) =>
      (emits === 'local' ? io.local.to(room) : io.to(room)).except(laggingRoom);
    if (delta.events.length === 0) to(rooms(change.jurisdiction)).emit('delta', delta);
    else {
      to(roomOf(change.jurisdiction, true)).emit('delta', delta);
      to(roomOf(change.jurisdiction)).emit('delta', { ...delta, events: [] });
    }
  });

  function sendSnapshot(socket: LiveSocket, jurisdiction: Jurisdiction): void {
    const state = engine.state(jurisdiction);
    socket.emit('snapshot', { seq: sequence.current(jurisdiction), state });
  }

  function watch(socket: LiveSocket, raw: unknown, schema: typeof joinRequestSchema, join: boolean): void {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      socket.emit('live-error', {
        message: parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
          .join('; '),
      });
      return;
    }
    const { jurisdiction } = parsed.data;
    const { officeRecords } = options.authorize(socket, jurisdiction);
    for (const room of socket.rooms)
      if ((join && /^(state|records):/.test(room)) || rooms(jurisdiction).includes(room))
        void socket.leave(room);
    sendSnapshot(socket, jurisdiction);
    void socket.join(roomOf(jurisdiction, officeRecords));
  }

  /** The explanation texts at now, for one client that shows them (side panel, commander console). */
  function explain(socket: LiveSocket, raw: unknown): void {
    const parsed = explainRequestSchema.safeParse(raw);
    if (!parsed.success) {
      socket.emit('live-error', { message: describeIssues(parsed.error) });
      return;
    }
    const { jurisdiction } = parsed.data;
    const state = engine.state(jurisdiction);
    socket.emit('explanations', {
      seq: sequence.current(jurisdiction),
      jurisdiction,
      now: state.now,
      units: Object.fromEntries(state.units.map((unit) => [unit.id, unit.explanation])),
      regions: Object.fromEntries(state.regions.map((region) => [region.id, region.explanation])),
      compliance: state.compliance,
    });
  }

  // An account disabled, a password reset or a sign-out (any process, the CLI included) ends its sessions in
  // the store; a socket already watching the office records is moved to the public state within this period.
  const recheck = setInterval(() => {
    for (const jurisdiction of jurisdictionSchema.options) {
      const room = roomOf(jurisdiction, true);
      for (const id of io.of('/').adapter.rooms.get(room) ?? []) {
        const socket = io.of('/').sockets.get(id);
        if (!socket || options.authorize(socket, jurisdiction).officeRecords) continue;
        void socket.leave(room);
        void socket.join(roomOf(jurisdiction));
      }
    }
  }, options.recheckMs ?? 30_000);
  recheck.unref();

  io.on('connection', (socket: LiveSocket) => {
    socket.on('join', (request) => watch(socket, request, joinRequestSchema, true));
    socket.on('resync', (request) => watch(socket, request, resyncRequestSchema, false));
    socket.on('explain', (request) => explain(socket, request));
  });

  return {
    close: () => {
      clearInterval(recheck);
      stop();
    },
    officeChanged: (change) => io.to(rooms(change.jurisdiction)).emit('office-change', change),
  };
}
