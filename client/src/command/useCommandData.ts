import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DailySeries, WarningBook } from '../../../shared/rules';
import type { JurisdictionState, SeriesState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import type { ConnectionStatus } from '../live/liveFeed';
import { type OfficeVersions, useLive } from '../live/useLive';
import { getJson, type UnitListing, warningBook } from './api';
import { dailySeriesOf } from './evaluation';

export type CommandData = {
  state: JurisdictionState | null;
  status: ConnectionStatus;
  units: ReadonlyMap<string, UnitListing>;
  seriesByUnit: ReadonlyMap<string, DailySeries>;
  book: WarningBook | null;
  /** Reads the warning book again (after an action; the live delta also triggers it). */
  refresh: () => void;
  /** Bumped when the office records daily reports or enterprise checks (pushed over the socket). */
  office: OfficeVersions;
};

/** Everything the console shows for one prefecture: live state, units with neighbours, series, warning book. */
export function useCommandData(jurisdiction: Jurisdiction): CommandData {
  const { states, status, office } = useLive([jurisdiction]);
  const state = states[jurisdiction] ?? null;
  const [units, setUnits] = useState<ReadonlyMap<string, UnitListing>>(new Map());
  const [seriesByUnit, setSeries] = useState<ReadonlyMap<string, DailySeries>>(new Map());
  const [book, setBook] = useState<WarningBook | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    getJson<{ units: UnitListing[] }>(`/api/units?jurisdiction=${jurisdiction}`)
      .then(({ units: listed }) => setUnits(new Map(listed.map((unit) => [unit.id, unit]))))
      .catch(() => {});
  }, [jurisdiction]);

  const now = state?.now ?? null;
  // A new forecast changes recommendations without moving now: reload the series when they change.
  const recommendationsKey = useMemo(
    () => (state ? state.units.map((unit) => unit.recommendedLevel).join() + state.compliance.length : ''),
    [state],
  );
  const warningsKey = useMemo(() => JSON.stringify(state?.warnings ?? []), [state?.warnings]);
  useEffect(() => {
    void warningsKey;
    void now;
    void version;
    warningBook(jurisdiction)
      .then(setBook)
      .catch(() => {});
  }, [jurisdiction, now, warningsKey, version]);

  useEffect(() => {
    void recommendationsKey;
    if (now === null || units.size === 0) return;
    const controller = new AbortController();
    const ids = [...units.keys()];
    Promise.all(
      ids.map((id) =>
        getJson<SeriesState>(`/api/state/series?jurisdiction=${jurisdiction}&unit=${encodeURIComponent(id)}`)
          .then((series) => [id, dailySeriesOf(series)] as const)
          .catch(() => null),
      ),
    ).then((loaded) => {
      if (controller.signal.aborted) return;
      setSeries(new Map(loaded.filter((entry) => entry !== null)));
    });
    return () => controller.abort();
  }, [jurisdiction, now, units, recommendationsKey]);

  return { state, status, units, seriesByUnit, book, refresh, office };
}
