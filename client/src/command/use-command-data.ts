import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { WarningBook } from '../../../shared/rules';
import type { JurisdictionState } from '../../../shared/state/schema';
import type { Jurisdiction } from '../../../shared/units/schema';
import { queries } from '../api/queries';
import { queryClient } from '../api/query-client';
import type { ConnectionStatus } from '../live/live-feed';
import { type OfficeVersions, useLive } from '../live/use-live';

export type CommandData = {
  state: JurisdictionState | null;
  status: ConnectionStatus;
  units: ReadonlyMap<string, UnitListing>;
  book: WarningBook | null;
  /** Bumped when the office records daily reports or enterprise checks (pushed over the socket). */
  office: OfficeVersions;
};

const noUnits: ReadonlyMap<string, UnitListing> = new Map();

/**
 * What the console shows for one prefecture: the live state (the socket's, or GET /api/state until its
 * snapshot arrives, so a slow connection never leaves the page without decisions), the units with their
 * neighbours and the warning book, read again when a warning event or an hour arrives.
 */
export function useCommandData(jurisdiction: Jurisdiction): CommandData {
  const { states, status, office } = useLive([jurisdiction]);
  const live = states[jurisdiction] ?? null;
  const fallback = useQuery({ ...queries.current(jurisdiction), enabled: live === null }).data ?? null;
  const state = live ?? fallback;
  const listed = useQuery(queries.units(jurisdiction)).data;
  const units = useMemo(() => (listed ? new Map(listed.map((unit) => [unit.id, unit])) : noUnits), [listed]);
  const book = useQuery(queries.warningBook(jurisdiction)).data ?? null;
  const warningsKey = useMemo(() => `${state?.now}:${JSON.stringify(state?.warnings ?? [])}`, [state]);
  useEffect(() => {
    void warningsKey;
    void queryClient.invalidateQueries({ queryKey: ['warnings', jurisdiction] });
  }, [jurisdiction, warningsKey]);
  return { state, status, units, book, office };
}
