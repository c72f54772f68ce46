import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SeriesState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import type { Selection } from '../map/situation-map';

/**
 * The series as of the displayed hour (null while the first one loads), and whether the last request failed
 * (the side panel says so itself). A fast replay moves the hour every half second: the last series of the
 * same subject stays on screen while the next loads, and the hour asked follows the newest hour only once
 * the answer before is in, so answers keep arriving instead of each new hour cancelling the last request.
 */
export function useSeries(
  jurisdiction: Jurisdiction | null,
  selection: Selection | null,
  at: number | null,
): { series: SeriesState | null; failed: boolean } {
  const [followed, setFollowed] = useState(at);
  const subject = selection ? { kind: selection.kind, id: selection.id } : { kind: 'unit' as const, id: '' };
  const enabled = jurisdiction !== null && selection !== null && followed !== null;
  const result = useQuery({
    ...queries.series(jurisdiction ?? 'ili', subject, followed ?? 0),
    enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === subject.kind && previousQuery.queryKey[3] === subject.id
        ? previous
        : undefined,
  });
  useEffect(() => {
    if (!result.isFetching) setFollowed(at);
  }, [result.isFetching, at]);
  return { series: enabled ? (result.data ?? null) : null, failed: enabled && result.isError };
}
