import { units as allUnits } from '../../geo/units';
import { editionFor } from '../../shared/aqi';
import { levelSegments } from '../../shared/documents/facts';
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
  type Region,
} from '../../shared/rules/regions';
import { type CoverInput, recommendationCover, unitsOnly } from '../../shared/rules/regions/cover';
import type { JurisdictionState, RegionState, UnitState, WarningState } from '../../shared/state/schema';
import { HOUR } from '../../shared/time';
import type { Jurisdiction } from '../../shared/units/schema';
import type { EngineData, WindowsView } from './data';
import { stationState } from './station-state';
import { gradeUnit } from './unit-evaluation';
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
  /** The cover's regions over observed and forecast windows; null where the floor is external (Kizilsu). */
  regions: Region[] | null;
  /** The maximal regions the cover did not choose (the commander may fix one instead). */
  alternatives: Region[];
  /** What the cover was computed from (Ili), to recompute it with a region the commander fixed; else null. */
  coverInput: CoverInput | null;
};

const unitNames = new Map(allUnits.map((unit) => [unit.id, { zh: unit.nameZh, en: unit.nameEn }] as const));

/** A region as the state lists it: members, level, the members' mean daily AQI at now, why and when. */
function regionState(region: Region, unitDaily: ReadonlyMap<string, number | null>): RegionState {
  const values = region.members.map((id) => unitDaily.get(id) ?? null);
  const average = values.some((value) => value === null)
    ? null
    : Math.round((values as number[]).reduce((sum, value) => sum + value, 0) / values.length);
  return {
    id: region.id,
    members: region.members,
    level: region.level,
    averageDailyAqi: average,
    explanation: region.explanation,
    firstWindowEnd: region.firstWindowEnd,
    lastWindowEnd: region.lastWindowEnd,
  };
}

/** Alternatives listed in the state beyond the cover (the commander can ask for any other by id). */
const listedAlternatives = 20;

/**
 * Regions and the recommendation (DOMAIN.md "Recommendation"): Ili's disjoint cover over its maximal regions
 * (Ili 3.3.3), the cover's regions first, then the alternatives; Kizilsu's units on their own, with the
 * autonomous region's warning as a floor (3.3.2).
 */
function regionsOf(
  jurisdiction: Jurisdiction,
  series: Map<string, DailySeries>,
  unitLevels: ReadonlyMap<string, WarningLevel>,
  unitDaily: ReadonlyMap<string, number | null>,
  inputs: StateInputs,
  now: number,
) {
  const plan = plans[jurisdiction];
  if (plan.regional.kind === 'external-floor') {
    const floorByUnit = inputs.externalWarning
      ? externalRegionalFloor(inputs.externalWarning, plan.unitIds, now).floorByUnit
      : new Map<string, WarningLevel>();
    const levels = new Map(
      [...unitLevels].map(([id, level]) => [id, higherLevel(level, floorByUnit.get(id) ?? 'none')] as const),
    );
    const cover = unitsOnly(levels, unitDaily);
    return {
      regions: [] as RegionState[],
      floorByUnit,
      chosen: null,
      recommendation: cover,
      alternatives: [],
      coverInput: null,
    };
  }
  const coverInput: CoverInput = {
    graph: inputs.adjacency,
    seriesByUnit: series,
    rules: plan.grading,
    from: now,
    to: now + forecastHours * HOUR,
    now,
    minMembers: plan.regional.minUnits,
    unitNames,
    section: plan.regional.section,
    unitLevels,
    unitDaily,
  };
  const cover = recommendationCover(coverInput);
  const regions = [...cover.chosen, ...cover.alternatives.slice(0, listedAlternatives)].map((region) =>
    regionState(region, unitDaily),
  );
  return {
    regions,
    floorByUnit: cover.floorByUnit,
    chosen: cover.chosen,
    recommendation: cover.recommendation,
    alternatives: cover.alternatives,
    coverInput,
  };
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
    levels: levelSegments(warning)
      .filter((segment) => segment.approvedAt <= now)
      .map(({ kind, level, approvedAt }) => ({ kind, level, at: approvedAt })),
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
  const confirmedDust = new Map(plan.unitIds.map((id) => [id, dustPeriodsFor(book, id)] as const));
  const grades = new Map(
    plan.unitIds.map(
      (id) => [id, gradeUnit(plan, seriesByUnit.get(id)!, now, confirmedDust.get(id)!)] as const,
    ),
  );
  const graded: UnitState[] = plan.unitIds.map((id) => {
    const stationIds = data.unitStations.get(id) ?? [];
    const newestHour = data.unitNewestAtOrBefore(id, now);
    return unitState(
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
        regionFloor: 'none',
        graded: grades.get(id)!,
      },
      now,
    );
  });
  const unitLevels = new Map(graded.map((unit) => [unit.id, unit.recommendedLevel] as const));
  const unitDaily = new Map(graded.map((unit) => [unit.id, unit.dailyAqi] as const));
  const { regions, floorByUnit, chosen, recommendation, alternatives, coverInput } = regionsOf(
    jurisdiction,
    dailySeries,
    unitLevels,
    unitDaily,
    inputs,
    now,
  );
  const units = graded.map((unit) => ({ ...unit, regionFloor: floorByUnit.get(unit.id) ?? 'none' }));
  const coverLevel = new Map<string, WarningLevel>(
    (chosen ?? []).flatMap((region) => region.members.map((id) => [id, region.level] as const)),
  );
  const compliance = complianceFlags(
    plan,
    book,
    [
      ...plan.unitIds.map((id) => ({
        target: { kind: 'unit' as const, unitId: id },
        series: dailySeries.get(id)!,
        dustPeriods: confirmedDust.get(id)!,
        ...(grades.get(id)!.confirmedDustOnly
          ? { evaluation: grades.get(id)!.evaluation }
          : { suspectedDust: grades.get(id)!.suspected, withSuspectedDust: grades.get(id)!.evaluation }),
        floor: floorByUnit.get(id) ?? 'none',
        // Kizilsu's floor is the autonomous region's warning: its response is due from that warning's issue.
        ...(plan.regional.kind === 'external-floor' && floorByUnit.has(id) && inputs.externalWarning
          ? { floorSince: inputs.externalWarning.issuedAt }
          : {}),
        regionCover: coverLevel.get(id) ?? 'none',
      })),
      ...regionalSubjects(book, dailySeries, chosen ?? []),
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
    recommendation,
  };
  const evaluated = new Map(
    plan.unitIds.map(
      (id) => [id, { series: seriesByUnit.get(id)!, confirmedDust: dustPeriodsFor(book, id) }] as const,
    ),
  );
  return {
    state,
    compliance,
    evaluation: { jurisdiction, state, units: evaluated, regions: chosen, alternatives, coverInput },
  };
}
