import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { DailySeries, WarningBook } from '../../../shared/rules';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import { queryClient } from '../api/queryClient';
import type { ConnectionStatus } from '../live/liveFeed';
import { type OfficeVersions, useLive } from '../live/useLive';
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

const noUnits: ReadonlyMap<string, UnitListing> = new Map();

/** Everything the console shows for one prefecture: live state, units with neighbours, series, warning book. */
export function useCommandData(jurisdiction: Jurisdiction): CommandData {
  const { states, status, office } = useLive([jurisdiction]);
  const state = states[jurisdiction] ?? null;
  const listed = useQuery(queries.units(jurisdiction)).data;
  const units = useMemo(() => (listed ? new Map(listed.map((unit) => [unit.id, unit])) : noUnits), [listed]);
  const book = useQuery(queries.warningBook(jurisdiction)).data ?? null;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['warnings', jurisdiction] });
  // A warning event or an hour passing (a response starts at its effective time) reads the book again.
  const warningsKey = useMemo(() => `${state?.now}:${JSON.stringify(state?.warnings ?? [])}`, [state]);
  useEffect(() => {
    void warningsKey;
    void queryClient.invalidateQueries({ queryKey: ['warnings', jurisdiction] });
  }, [jurisdiction, warningsKey]);
  const now = state?.now ?? 0;
  const seriesByUnit = useQueries({
    queries: [...units.keys()].map((id) => ({
      ...queries.series(jurisdiction, { kind: 'unit', id }, now),
      enabled: state !== null,
    })),
    combine: (results) =>
      new Map(
        results.flatMap((result) =>
          result.data ? [[result.data.id, dailySeriesOf(result.data)] as const] : [],
        ),
      ),
  });
  return { state, status, units, seriesByUnit, book, refresh, office };
}
