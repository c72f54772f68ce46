import { useEffect, useRef, useState } from 'react';
import { type SeriesState, seriesStateSchema } from '../../../shared/state/schema';
import { toBeijingIso } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { Selection } from '../map/SituationMap';

/** The side panel's 72 h of hourly and daily AQI and a unit's forecast (GET /api/state/series). */
async function loadSeries(
  jurisdiction: Jurisdiction,
  selection: Selection,
  at: number,
  signal: AbortSignal,
): Promise<SeriesState> {
  const query = new URLSearchParams({ jurisdiction, [selection.kind]: selection.id, at: toBeijingIso(at) });
  const response = await fetch(`/api/state/series?${query}`, { signal });
  if (!response.ok) throw new Error(`GET /api/state/series ${response.status}`);
  return seriesStateSchema.parse(await response.json());
}

/**
 * The series as of the displayed hour (null while the first one loads), and whether the last request failed.
 * A fast replay moves the hour every half second: the last series stays on screen while the next one
 * loads, and one request at a time follows the newest hour instead of each new hour cancelling the last.
 */
export function useSeries(
  jurisdiction: Jurisdiction | null,
  selection: Selection | null,
  at: number | null,
): { series: SeriesState | null; failed: boolean } {
  const [series, setSeries] = useState<SeriesState | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(at);
  latest.current = at;
  const follow = useRef<(() => void) | null>(null);
  const kind = selection?.kind;
  const id = selection?.id;
  useEffect(() => {
    setSeries(null);
    setFailed(false);
    if (!kind || !id || !jurisdiction) return;
    const controller = new AbortController();
    let loading = false;
    const next = () => {
      const wanted = latest.current;
      if (loading || wanted === null) return;
      loading = true;
      loadSeries(jurisdiction, { kind, id }, wanted, controller.signal)
        .then((loaded) => {
          setSeries(loaded);
          setFailed(false);
          loading = false;
          if (latest.current !== wanted) next();
        })
        .catch(() => {
          loading = false;
          if (!controller.signal.aborted) setFailed(true);
        });
    };
    follow.current = next;
    next();
    return () => {
      follow.current = null;
      controller.abort();
    };
  }, [jurisdiction, kind, id]);
  useEffect(() => {
    if (at !== null) follow.current?.();
  }, [at]);
  return { series, failed };
}
