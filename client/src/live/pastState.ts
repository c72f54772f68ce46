import { useEffect, useState } from 'react';
import { type JurisdictionState, jurisdictionStateSchema } from '../../../shared/state/schema';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { LiveStates } from './useLive';

/** Recently viewed past hours, bounded so a wall left on the slider does not grow memory. */
const cache = new Map<string, JurisdictionState>();
const cacheLimit = 48;

export async function fetchState(
  jurisdiction: Jurisdiction,
  at: number,
  signal?: AbortSignal,
): Promise<JurisdictionState> {
  const key = `${jurisdiction}@${at}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const query = new URLSearchParams({ jurisdiction, at: toBeijingIso(at) });
  const response = await fetch(`/api/state?${query}`, { signal });
  if (!response.ok) throw new Error(`GET /api/state ${response.status}`);
  const state = jurisdictionStateSchema.parse(await response.json());
  cache.set(key, state);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
  return state;
}

/** The states as of a past hour end (GET /api/state?at=…), or null while loading / when following live. */
export function usePastStates(jurisdictions: readonly Jurisdiction[], at: number | null): LiveStates | null {
  const [states, setStates] = useState<LiveStates | null>(null);
  const key = jurisdictions.join(',');
  useEffect(() => {
    if (at === null) {
      setStates(null);
      return;
    }
    const controller = new AbortController();
    const ids = key.split(',') as Jurisdiction[];
    Promise.all(ids.map((jurisdiction) => fetchState(jurisdiction, at, controller.signal)))
      .then((loaded) => setStates(Object.fromEntries(loaded.map((state) => [state.jurisdiction, state]))))
      .catch(() => {});
    return () => controller.abort();
  }, [key, at]);
  return states;
}
