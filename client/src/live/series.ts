import { useEffect, useState } from 'react';
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

/** The series as of the displayed hour, or null while loading or when the server has none. */
export function useSeries(
  jurisdiction: Jurisdiction | null,
  selection: Selection | null,
  at: number | null,
): SeriesState | null {
  const [series, setSeries] = useState<SeriesState | null>(null);
  const kind = selection?.kind;
  const id = selection?.id;
  useEffect(() => {
    setSeries(null);
    if (!kind || !id || !jurisdiction || at === null) return;
    const controller = new AbortController();
    loadSeries(jurisdiction, { kind, id }, at, controller.signal)
      .then(setSeries)
      .catch(() => {});
    return () => controller.abort();
  }, [jurisdiction, kind, id, at]);
  return series;
}
