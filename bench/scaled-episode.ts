/**
 * The live and tick benchmarks' network: Ili's replay stations (3 real, 28 simulated), each repeated at its
 * site until there are `count`, every copy carrying the E3 episode's series scaled by its own factor, so
 * that the copies change their AQI at different hours as a real network does.
 */
import { loadEpisodes, realStations } from '../server/replay/episodes';
import { episodeHours } from '../server/replay/simulate-hours';
import { simulatedStations } from '../server/replay/simulated';
import type { ObservationRow, StationRow } from '../server/store/types';

export type ScaledEpisode = {
  stations: StationRow[];
  /** The episode's hour ends, epoch ms, in order. */
  times: number[];
  /** A station's scaled values at an hour end, or undefined when its source did not report. */
  valuesAt(station: string, time: number): ObservationRow['values'] | undefined;
};

export function scaledEpisode(count: number): ScaledEpisode {
  const base = [...realStations(), ...simulatedStations()].filter(
    (station) => !station.unitId?.startsWith('653'),
  );
  const stations: StationRow[] = [];
  const source = new Map<string, { of: string; factor: number }>();
  for (let index = 0; index < count; index += 1) {
    const of = base[index % base.length]!;
    const copy = Math.floor(index / base.length);
    const id = copy === 0 ? of.id : `${of.id}-B${copy}`;
    stations.push({ ...of, id, name: copy === 0 ? of.name : `${of.name}${copy}` });
    source.set(id, { of: of.id, factor: 1 + 0.04 * (copy - 3) });
  }
  const hours = episodeHours(loadEpisodes().get('E3')!);
  const byHour = new Map(
    [...hours].map(([time, rows]) => [time, new Map(rows.map((row) => [row.station, row.values]))]),
  );
  return {
    stations,
    times: [...hours.keys()].sort((a, b) => a - b),
    valuesAt(station, time) {
      const { of, factor } = source.get(station)!;
      const values = byHour.get(time)?.get(of);
      if (!values) return undefined;
      return Object.fromEntries(
        Object.entries(values).map(([species, value]) => [
          species,
          value === null ? null : Math.round(value * factor * 10) / 10,
        ]),
      ) as ObservationRow['values'];
    },
  };
}
