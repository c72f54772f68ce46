import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import type { LiveStates } from './use-live';

/** Module-level, so TanStack keeps the combined answer's identity until an answer changes. */
function combine(results: readonly { data?: JurisdictionState; isFetching: boolean }[]) {
  const states = results.map((result) => result.data);
  const fetching = results.some((result) => result.isFetching);
  if (!states.every((state) => state !== undefined)) return { states: null, fetching };
  const byJurisdiction: LiveStates = Object.fromEntries(states.map((state) => [state.jurisdiction, state]));
  return { states: byJurisdiction, fetching };
}

/**
 * The states as of a past hour end (GET /api/state?at=…), or null while loading / when following live. The
 * hour asked moves on once the answer before is in (a playing slider never starves the answers).
 */
export function usePastStates(jurisdictions: readonly Jurisdiction[], at: number | null): LiveStates | null {
  const [followed, setFollowed] = useState(at);
  const result = useQueries({
    queries: jurisdictions.map((jurisdiction) => ({
      ...queries.state(jurisdiction, followed ?? 0),
      enabled: followed !== null,
      placeholderData: keepPreviousData,
    })),
    combine,
  });
  useEffect(() => {
    if (!result.fetching) setFollowed(at);
  }, [result.fetching, at]);
  return at === null || followed === null ? null : result.states;
}
