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

/** Everything of the regions but the wording and the average: members, level, the windows where it holds. */
function regionShape(list: JurisdictionState['regions'] | undefined): string {
  return JSON.stringify(
    (list ?? []).map(({ explanation: _text, averageDailyAqi: _average, ...region }) => region),
  );
}

type Signatures = { regions: string; recommendation: string | undefined; compliance: string };
/** A state's signatures, kept with it: each tick compares its new state with the one before, read twice. */
const signatures = new WeakMap<JurisdictionState, Signatures>();

function signaturesOf(state: JurisdictionState | undefined): Signatures {
  if (!state)
    return { regions: regionShape(undefined), recommendation: undefined, compliance: signature(undefined) };
  let known = signatures.get(state);
  if (!known) {
    known = {
      regions: regionShape(state.regions),
      recommendation: JSON.stringify(state.recommendation),
      compliance: signature(state.compliance),
    };
    signatures.set(state, known);
  }
  return known;
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
  const before = signaturesOf(previous);
  const after = signaturesOf(change.state);
  if (before.regions !== after.regions) delta.regions = regions;
  else if (change.regions) {
    delta.regionAverages = Object.fromEntries(regions.map((region) => [region.id, region.averageDailyAqi]));
  }
  if (change.warnings) delta.warnings = change.warnings;
  if (before.recommendation !== after.recommendation) delta.recommendation = change.state.recommendation;
  if (before.compliance !== after.compliance) delta.compliance = change.state.compliance;
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
