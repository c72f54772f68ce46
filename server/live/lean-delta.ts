import type { Delta } from '../../shared/live/events';
import { compactNewestHours } from '../../shared/live/newest-hour';
import type { JurisdictionState } from '../../shared/state/schema';
import type { TickChange } from '../engine';

/** Unit fields that carry a decision: when one changes, the unit's explanation travels with it. */
const decisionFields = ['recommendedLevel', 'issuedLevel', 'regionFloor', 'dust'] as const;

function withoutExplanation<Row extends { explanation?: unknown }>(row: Row): Omit<Row, 'explanation'> {
  const { explanation: _explanation, ...rest } = row;
  return rest;
}

function signature(rows: readonly { explanation?: unknown }[] | undefined): string {
  return JSON.stringify((rows ?? []).map(withoutExplanation));
}

/**
 * The delta one tick sends (issue 6: "keep payloads lean"). Explanation texts name the current hour, so they
 * change every hour for every unit; they travel only with a decision change (and in snapshots and the
 * `explain` answer). Regions travel whole when their members, levels or window ends change, else only their
 * averages.
 */
export function leanDelta(seq: number, change: TickChange, previous: JurisdictionState | undefined): Delta {
  const unitChanges = change.units.flatMap((unit) => {
    const decided = decisionFields.some((field) => field in unit);
    const lean = decided ? unit : withoutExplanation(unit);
    return Object.keys(lean).length > 1 ? [lean] : [];
  });
  const stations = compactNewestHours(change.state.stations, change.stations);
  const units = compactNewestHours(change.state.units, unitChanges);
  const delta: Delta = {
    seq,
    jurisdiction: change.jurisdiction,
    now: change.state.now,
    edition: change.state.edition,
    stations: stations.changes,
    units: units.changes,
    events: change.events,
  };
  if (stations.clock) delta.stationNewestHour = stations.clock;
  if (units.clock) delta.unitNewestHour = units.clock;
  const regions = change.state.regions;
  // Everything but the wording and the average: members, level, the windows where the level holds.
  const shape = (list: JurisdictionState['regions'] | undefined) =>
    JSON.stringify(
      (list ?? []).map(({ explanation: _text, averageDailyAqi: _average, ...region }) => region),
    );
  if (shape(previous?.regions) !== shape(regions)) delta.regions = regions;
  else if (change.regions) {
    delta.regionAverages = Object.fromEntries(regions.map((region) => [region.id, region.averageDailyAqi]));
  }
  if (change.warnings) delta.warnings = change.warnings;
  if (JSON.stringify(previous?.recommendation) !== JSON.stringify(change.state.recommendation))
    delta.recommendation = change.state.recommendation;
  if (signature(previous?.compliance) !== signature(change.state.compliance))
    delta.compliance = change.state.compliance;
  return delta;
}

/** True when a lean delta carries nothing but the clock. */
export function isEmpty(delta: Delta): boolean {
  return (
    delta.stations.length === 0 &&
    delta.units.length === 0 &&
    !delta.stationNewestHour &&
    !delta.unitNewestHour &&
    !delta.regions &&
    !delta.regionAverages &&
    !delta.warnings &&
    !delta.compliance &&
    !delta.recommendation &&
    delta.events.length === 0
  );
}
