import { useEffect, useState } from 'react';
import { HOUR } from '../../../shared/time';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { SeriesPoint } from '../components/AqiChart';
import type { Selection } from '../map/SituationMap';
import { fetchState } from './pastState';

const hours = 72;
const parallel = 6;

/** The last 72 hours of a unit or station, read from the stored past states (GET /api/state?at=…). */
async function loadSeries(
  jurisdiction: Jurisdiction,
  selection: Selection,
  end: number,
  signal: AbortSignal,
): Promise<SeriesPoint[]> {
  const times = Array.from({ length: hours + 1 }, (_, index) => end - (hours - index) * HOUR);
  const points: SeriesPoint[] = times.map((t) => ({ t, hourlyAqi: null, dailyAqi: null }));
  let next = 0;
  async function worker(): Promise<void> {
    while (next < times.length && !signal.aborted) {
      const index = next++;
      const state = await fetchState(jurisdiction, times[index]!, signal).catch(() => null);
      if (!state) continue;
      if (selection.kind === 'unit') {
        const unit = state.units.find((candidate) => candidate.id === selection.id);
        points[index] = {
          t: times[index]!,
          hourlyAqi: unit?.hourlyAqi ?? null,
          dailyAqi: unit?.dailyAqi ?? null,
        };
      } else {
        const station = state.stations.find((candidate) => candidate.id === selection.id);
        points[index] = { t: times[index]!, hourlyAqi: station?.hourlyAqi ?? null, dailyAqi: null };
      }
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return points;
}

export function useSeries(
  jurisdiction: Jurisdiction | null,
  selection: Selection | null,
  end: number | null,
): SeriesPoint[] | null {
  const [points, setPoints] = useState<SeriesPoint[] | null>(null);
  const kind = selection?.kind;
  const id = selection?.id;
  useEffect(() => {
    setPoints(null);
    if (!kind || !id || !jurisdiction || end === null) return;
    const controller = new AbortController();
    loadSeries(jurisdiction, { kind, id }, end, controller.signal)
      .then((loaded) => {
        if (!controller.signal.aborted) setPoints(loaded);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [jurisdiction, kind, id, end]);
  return points;
}
