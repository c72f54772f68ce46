import { units as allUnits } from '../../geo/units';
import { editionFor } from '../../shared/aqi';
import { higherLevel, type WarningLevel } from '../../shared/levels';
import { plans } from '../../shared/plans';
import {
  averageDailySeries,
  type ComplianceFlag,
  type ComplianceSubject,
  complianceFlags,
  type DailySeries,
  dustPeriodsFor,
  levelInForce,
  openWarnings,
  type Period,
  responseFloor,
  statusAt,
  unitLevel,
  type WarningBook,
} from '../../shared/rules';
import {
  type AdjacencyGraph,
  type ExternalRegionalWarning,
  externalRegionalFloor,
  findRegions,
  type Region,
} from '../../shared/rules/regions';
import type { JurisdictionState, RegionState, UnitState, WarningState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { EngineData, WindowsView } from './data';
import { stationState } from './station-state';
import { forecastHours, type UnitSeries, unitSeries } from './unit-series';
import { unitState } from './unit-state';

export type StateInputs = {
  data: EngineData;
  /** The windows at now: live, or rebuilt for a past hour. */
  view: WindowsView;
  book: WarningBook;
  adjacency: AdjacencyGraph;
  externalWarning: ExternalRegionalWarning | null;
  previousCompliance: readonly ComplianceFlag[];
};

/**
 * What the state at now was computed from, kept so the time slider's forecast hours reuse the same
 * evaluation (issue 7): each unit's observed+forecast series and confirmed dust, and Ili's regions.
 */
export type NowEvaluation = {
  jurisdiction: Jurisdiction;
  state: JurisdictionState;
  units: Map<string, { series: UnitSeries; confirmedDust: readonly Period[] }>;
  /** The regions found over observed and forecast windows; null where the floor is external (Kizilsu). */
  regions: Region[] | null;
};

const unitNames = new Map(allUnits.map((unit) => [unit.id, { zh: unit.nameZh, en: unit.nameEn }] as const));

function regionsOf(
  jurisdiction: Jurisdiction,
  series: Map<string, DailySeries>,
  inputs: StateInputs,
  now: number,
) {
  const plan = plans[jurisdiction];
  if (plan.regional.kind === 'external-floor') {
    if (!inputs.externalWarning)
      return { regions: [] as RegionState[], floorByUnit: new Map<string, WarningLevel>(), found: null };
    const external = externalRegionalFloor(inputs.externalWarning, plan.unitIds, now);
    return { regions: [] as RegionState[], floorByUnit: external.floorByUnit, found: null };
  }
  if (!inputs.adjacency)
    return { regions: [] as RegionState[], floorByUnit: new Map<string, WarningLevel>(), found: [] };
  const result = findRegions({
    graph: inputs.adjacency,
    seriesByUnit: series,
    rules: plan.grading,
    from: now,
    to: now + forecastHours * HOUR,
    now,
    minMembers: plan.regional.minUnits,
    unitNames,
    section: plan.regional.section,
  });
  const regions = result.regions.map((region) => {
    const values = region.members.map(
      (id) => series.get(id)?.values[series.get(id)!.lastObservedIndex] ?? Number.NaN,
    );
    const average = values.some(Number.isNaN)
      ? null
      : values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
      id: region.id,
      members: region.members,
      level: region.level,
      averageDailyAqi: average === null ? null : Math.round(average),
      explanation: region.explanation,
    };
  });
  return { regions, floorByUnit: result.floorByUnit, found: result.regions };
}

function warningsOf(book: WarningBook, now: number): WarningState[] {
  return openWarnings(book).map((warning) => ({
    id: warning.id,
    target: warning.target,
    status: statusAt(warning, now) as WarningState['status'],
    proposedLevel: warning.proposedLevel,
    level: levelInForce(warning, now),
    proposedAt: warning.proposedAt,
    issuedAt: warning.issuedAt,
  }));
}

/**
 * Regions watched on their members' averaged series (Ili 3.3.3, 3.3.6; plan §7): those the engine finds
 * (a regional warning due) and those an open warning names (lifting, lowering, grounds).
 */
function regionalSubjects(
  book: WarningBook,
  dailySeries: ReadonlyMap<string, DailySeries>,
  found: readonly Region[],
): ComplianceSubject[] {
  const targets = [
    ...found.map((region) => ({ kind: 'region' as const, regionId: region.id, members: region.members })),
    ...openWarnings(book).flatMap((warning) => (warning.target.kind === 'region' ? [warning.target] : [])),
  ];
  const subjects = new Map<string, ComplianceSubject>();
  for (const target of targets) {
    const members = target.members.flatMap((id) => dailySeries.get(id) ?? []);
    const series = members.length === target.members.length ? averageDailySeries(members) : null;
    if (series) subjects.set(target.regionId, { target, series });
  }
  return [...subjects.values()];
}

/**
 * The state of one jurisdiction at `now` (an hour end): every unit graded on its plan, regions on the
 * adjacency graph (Ili 3.3.3) or the autonomous region's floor (Kizilsu 3.3.2), issued levels from the
 * warning book, compliance flags (plan §7).
 */
export function jurisdictionState(
  jurisdiction: Jurisdiction,
  inputs: StateInputs,
  now: number,
): { state: JurisdictionState; compliance: ComplianceFlag[]; evaluation: NowEvaluation } {
  const plan = plans[jurisdiction];
  const { data, book, view } = inputs;
  const seriesByUnit = new Map(
    plan.unitIds.map((id) => [id, unitSeries(id, view.unit(id), data.forecasts, now)] as const),
  );
  const dailySeries = new Map([...seriesByUnit].map(([id, input]) => [id, input.series] as const));
  const { regions, floorByUnit, found } = regionsOf(jurisdiction, dailySeries, inputs, now);
  const units: UnitState[] = plan.unitIds.map((id) => {
    const stationIds = data.unitStations.get(id) ?? [];
    const newestHour = data.unitNewestAtOrBefore(id, now);
    return unitState(
      plan,
      {
        id,
        windows: view.unit(id),
        newestHour,
        stationCount:
          newestHour === null
            ? 0
            : stationIds.filter((stationId) => data.stationHours.get(stationId)?.hasAny(newestHour)).length,
        simulated:
          stationIds.length > 0 && stationIds.every((stationId) => data.stations.get(stationId)?.simulated),
        series: seriesByUnit.get(id)!,
        issuedLevel: higherLevel(unitLevel(book, id, now), responseFloor(book, id, now)),
        regionFloor: floorByUnit.get(id) ?? 'none',
        confirmedDust: dustPeriodsFor(book, id),
      },
      now,
    );
  });
  const compliance = complianceFlags(
    plan,
    book,
    [
      ...plan.unitIds.map((id) => ({
        target: { kind: 'unit' as const, unitId: id },
        series: dailySeries.get(id)!,
        dustPeriods: dustPeriodsFor(book, id),
        floor: floorByUnit.get(id) ?? 'none',
      })),
      ...regionalSubjects(book, dailySeries, found ?? []),
    ],
    now,
    inputs.previousCompliance,
  );
  const stations = [...data.stations.values()]
    .filter((row) => data.jurisdictionOfStation(row.id) === jurisdiction)
    .map((row) => stationState(row, data.stationHours.get(row.id), view.station(row.id), now));
  const state: JurisdictionState = {
    jurisdiction,
    now,
    edition: editionFor(now),
    units,
    regions,
    stations,
    warnings: warningsOf(book, now),
    compliance,
  };
  const evaluated = new Map(
    plan.unitIds.map(
      (id) => [id, { series: seriesByUnit.get(id)!, confirmedDust: dustPeriodsFor(book, id) }] as const,
    ),
  );
  return { state, compliance, evaluation: { jurisdiction, state, units: evaluated, regions: found } };
}
