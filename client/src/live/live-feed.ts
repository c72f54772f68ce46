import { io, type Socket } from 'socket.io-client';
import {
  applyDelta,
  type ClientToServerEvents,
  deltaSchema,
  type OfficeChange,
  officeChangeSchema,
  type ServerToClientEvents,
  snapshotSchema,
} from '../../../shared/live/events';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';
export type ConnectionStatus = { state: ConnectionState; lostAt: number | null };

export type Listeners = {
  onState: (state: JurisdictionState) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** The office recorded something; also on every (re)connect, as changes may have been missed. */
  onOffice: (kind: OfficeChange['kind']) => void;
};

/**
 * One jurisdiction's live state (issue 6 "Live state"): join → snapshot, then deltas folded with
 * applyDelta; a gap in seq asks for a resync; every (re)connect joins again and starts from a snapshot.
 */
export class LiveFeed {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private seq = -1;
  private state: JurisdictionState | null = null;
  private status: ConnectionStatus = { state: 'connecting', lostAt: null };

  constructor(
    private readonly jurisdiction: Jurisdiction,
    private listeners: Listeners,
  ) {
    this.socket = io({ transports: ['websocket'], reconnectionDelayMax: 2000 });
    this.socket.on('connect', () => {
      this.socket.emit('join', { jurisdiction });
      this.setStatus({ state: 'connected', lostAt: null });
      for (const kind of officeChangeSchema.shape.kind.options) this.listeners.onOffice(kind);
    });
    this.socket.on('office-change', (raw) => {
      const parsed = officeChangeSchema.safeParse(raw);
      if (parsed.success && parsed.data.jurisdiction === jurisdiction)
        this.listeners.onOffice(parsed.data.kind);
    });
    this.socket.on('disconnect', () => this.markLost());
    this.socket.io.on('reconnect_attempt', () => this.markLost());
    this.socket.on('snapshot', (raw) => {
      const parsed = snapshotSchema.safeParse(raw);
      if (!parsed.success || parsed.data.state.jurisdiction !== jurisdiction) return;
      this.seq = parsed.data.seq;
      this.publish(parsed.data.state);
    });
    this.socket.on('delta', (raw) => {
      const parsed = deltaSchema.safeParse(raw);
      if (!parsed.success || parsed.data.jurisdiction !== jurisdiction) return;
      if (this.state === null || parsed.data.seq !== this.seq + 1) {
        this.socket.emit('resync', { jurisdiction });
        return;
      }
      this.seq = parsed.data.seq;
      this.publish(applyDelta(this.state, parsed.data));
    });
  }

  /**
   * Hands the feed to other listeners (a view taking over a feed opened before it loaded, early-feeds.ts):
   * they hear what it has so far at once.
   */
  attach(listeners: Listeners): void {
    this.listeners = listeners;
    listeners.onStatus(this.status);
    if (this.status.state === 'connected')
      for (const kind of officeChangeSchema.shape.kind.options) listeners.onOffice(kind);
    if (this.state) listeners.onState(this.state);
  }

  private publish(state: JurisdictionState): void {
    this.state = state;
    this.listeners.onState(state);
  }

  private markLost(): void {
    if (this.status.state === 'disconnected') return;
    this.setStatus({ state: 'disconnected', lostAt: Date.now() });
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.listeners.onStatus(status);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
    this.socket.close();
  }
}
