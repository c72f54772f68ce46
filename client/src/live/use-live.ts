import { useEffect, useState } from 'react';
import type { OfficeChange } from '../../../shared/live/events';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { takeFeed } from './early-feeds';
import { type ConnectionStatus, type Listeners, LiveFeed } from './live-feed';

export type LiveStates = Partial<Record<Jurisdiction, JurisdictionState>>;

/** Worst of the feeds' statuses: any lost connection is shown, from the earliest time it was lost. */
function combined(statuses: ConnectionStatus[]): ConnectionStatus {
  const lost = statuses.filter((status) => status.state === 'disconnected');
  if (lost.length > 0)
    return { state: 'disconnected', lostAt: Math.min(...lost.map((status) => status.lostAt ?? 0)) };
  if (statuses.some((status) => status.state === 'connecting')) return { state: 'connecting', lostAt: null };
  return { state: 'connected', lostAt: null };
}

/** How often each kind of office record has changed (or may have, across a reconnect): a key to reload on. */
export type OfficeVersions = Record<OfficeChange['kind'], number>;

/** Live state of the given jurisdictions, one socket each, and the connection status. */
export function useLive(jurisdictions: readonly Jurisdiction[]): {
  states: LiveStates;
  status: ConnectionStatus;
  office: OfficeVersions;
} {
  const [states, setStates] = useState<LiveStates>({});
  const [office, setOffice] = useState<OfficeVersions>({ reports: 0, 'enterprise-checks': 0 });
  const [status, setStatus] = useState<ConnectionStatus>({ state: 'connecting', lostAt: null });
  const key = jurisdictions.join(',');
  useEffect(() => {
    const statuses = new Map<Jurisdiction, ConnectionStatus>();
    const feeds = key.split(',').map((jurisdiction) => {
      const id = jurisdiction as Jurisdiction;
      statuses.set(id, { state: 'connecting', lostAt: null });
      const listeners: Listeners = {
        onState: (state) => setStates((previous) => ({ ...previous, [id]: state })),
        onStatus: (next) => {
          statuses.set(id, next);
          setStatus(combined([...statuses.values()]));
        },
        onOffice: (kind) => setOffice((previous) => ({ ...previous, [kind]: previous[kind] + 1 })),
      };
      const early = takeFeed(id);
      early?.attach(listeners);
      return early ?? new LiveFeed(id, listeners);
    });
    return () => {
      for (const feed of feeds) feed.close();
    };
  }, [key]);
  return { states, status, office };
}
