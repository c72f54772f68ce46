import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { type LabelCandidate, type Obstacle, placeLabels } from '../../../geo/placement/label-collision';
import { unitById } from '../../../geo/units';
import { levelRank } from '../../../shared/levels';
import { unitName } from '../i18n/names';
import type { UnitFeature } from './geometry';
import { unitAqi, unitLabelLines } from './labels';
import { fontFamily, type MapModel, stationRadius } from './layers';

/** A label as drawn: anchor, text, size and pixel offset, and its box on screen (for the collision test). */
export type DrawnLabel = {
  id: string;
  position: [number, number];
  text: string;
  size: number;
  offset: [number, number];
  box: [number, number, number, number];
  /** Moved aside from its anchor (a unit too small for its label): a leader line from the anchor to the box. */
  leader: [number, number][] | null;
};

const lineHeight = 1.15;
/** The text outline and a little air: labels never touch. */
const padding = 3;
const kindPriority = { county: 3, division: 2, regiment: 1 } as const;

let measuring: CanvasRenderingContext2D | null = null;
function measure(lines: readonly string[], size: number): { width: number; height: number } {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (measuring) measuring.font = `bold ${size}px ${fontFamily}`;
  const width = Math.max(...lines.map((line) => measuring?.measureText(line).width ?? line.length * size));
  return { width: width + 2 * padding, height: lines.length * size * lineHeight + 2 * padding };
}

type Form = LabelCandidate['forms'][number];

type Candidate = LabelCandidate & {
  position: [number, number];
  size: number;
  /** The text of each form. */
  texts: string[];
  /** Forms moved aside from the anchor get a leader line. */
  moved: boolean[];
};

/** Where a compact label may move when it does not fit at its anchor: around it, nearest first. */
function asides(width: number, height: number, size: number): { dx: number; dy: number }[] {
  const across = width / 2 + size;
  const up = height / 2 + size;
  return [
    { dx: 0, dy: -up },
    { dx: 0, dy: up },
    { dx: -across, dy: 0 },
    { dx: across, dy: 0 },
    { dx: -across, dy: -up },
    { dx: across, dy: -up },
    { dx: -across, dy: up },
    { dx: across, dy: up },
    { dx: 0, dy: -2 * up },
    { dx: 0, dy: 2 * up },
  ];
}

/**
 * The station markers' boxes on screen, ring and outline: labels keep clear of them, so no ring sits on a
 * unit's name or warning line (a station's own value sits on its ring's edge).
 */
export function stationMarkers(
  model: MapModel,
  project: (position: [number, number]) => [number, number],
): Obstacle[] {
  if (!model.visible.stations) return [];
  return model.stations.map((station) => {
    const [x, y] = project([station.lon, station.lat]);
    const radius = stationRadius(model.stationValues.get(station.id), model.scale) + 2 * model.scale;
    return { id: `station:${station.id}`, box: [x - radius, y - radius, x + radius, y + radius] };
  });
}

/**
 * Where each label goes for the current view (issue 16): unit labels at their anchor inside the unit,
 * regiments without a boundary below their seat, the wall's station values above the station; in
 * priority order (warned units first, then units a region covers, counties before farms, higher AQI),
 * each in its fullest form that overlaps nothing (no other label, no station marker), else a compact one, else
 * left out.
 */
export function placeMapLabels(
  model: MapModel,
  project: (position: [number, number]) => [number, number],
  unproject: (point: [number, number]) => [number, number],
  screen: { width: number; height: number },
): DrawnLabel[] {
  const size = (model.wall ? 19 : 13) * model.scale;
  const candidates: Candidate[] = [];
  /** Whether a form centred at (x + dx, y + dy) lies inside the unit: its corners and edges' midpoints. */
  const insideUnit =
    (feature: UnitFeature, x: number, y: number) =>
    ({ width, height, dx = 0, dy = 0 }: Form) => {
      const [left, top, right, bottom] = [
        x + dx - width / 2,
        y + dy - height / 2,
        x + dx + width / 2,
        y + dy + height / 2,
      ];
      const middle = (left + right) / 2;
      const points: [number, number][] = [
        [left, top],
        [middle, top],
        [right, top],
        [right, (top + bottom) / 2],
        [right, bottom],
        [middle, bottom],
        [left, bottom],
        [left, (top + bottom) / 2],
      ];
      return points.every((point) => booleanPointInPolygon(unproject(point), feature));
    };
  const unitCandidate = (
    unitId: string,
    position: [number, number],
    below: number,
    feature?: UnitFeature,
  ) => {
    const unit = model.units.get(unitId);
    const inForce = model.inForce.get(unitId);
    const catalogue = unitById.get(unitId);
    const lines = unitLabelLines(
      unitName(model.language, catalogue, unitId),
      unit,
      inForce,
      model.metric,
      model.language,
      model.regionAhead.get(unitId),
    );
    const texts = lines.map((line) => line.text);
    const warningLines = lines.filter((line) => line.warning).map((line) => line.text);
    const [x, y] = project(position);
    const forms = [texts, [texts[0]!, ...warningLines], [texts[0]!]].filter(
      (form, index, all) => all.findIndex((other) => other.join('\n') === form.join('\n')) === index,
    );
    const sizes = forms.map((form) => measure(form, size));
    // Each fuller form at its anchor, or moved aside (a station's ring there) inside its unit, so its
    // lines never run over a neighbour; the compact form at its anchor, else anywhere around it.
    const fits = feature ? insideUnit(feature, x, y) : null;
    const placements = forms.flatMap((form, index) => {
      const { width, height } = sizes[index]!;
      const around = asides(width, height, size).map((offset) => ({ width, height, ...offset }));
      const options =
        index === forms.length - 1
          ? [{ width, height }, ...around]
          : fits
            ? [{ width, height }, ...around].filter(fits)
            : [{ width, height }];
      return options.map((option) => ({ text: form.join('\n'), option }));
    });
    candidates.push({
      id: unitId,
      position,
      x,
      y: y + (below > 0 ? below + sizes[0]!.height / 2 : 0),
      size,
      texts: placements.map(({ text }) => text),
      forms: placements.map(({ option }) => option),
      moved: placements.map(({ option }) => 'dx' in option),
      priority:
        levelRank(inForce?.highest ?? 'none') * 1000 +
        levelRank(unit?.regionFloor ?? 'none') * 100 +
        kindPriority[catalogue?.kind ?? 'regiment'] * 10 +
        Math.min(9, (unitAqi(unit, model.metric) ?? 0) / 60),
    });
  };
  for (const label of model.geometry.labels) unitCandidate(label.unitId, label.position, 0, label.feature);
  for (const seat of model.geometry.seats)
    unitCandidate(seat.unitId, seat.position, (model.wall ? 13 : 11) * model.scale);
  if (model.wall && model.visible.stations)
    for (const station of model.stations) {
      const value = model.stationValues.get(station.id);
      if (!value || value.stale || value.hourlyAqi === null) continue;
      const text = String(Math.round(value.hourlyAqi));
      const stationSize = 0.85 * size;
      const box = measure([text], stationSize);
      const [x, y] = project([station.lon, station.lat]);
      candidates.push({
        id: `station:${station.id}`,
        position: [station.lon, station.lat],
        x,
        y: y - stationRadius(value, model.scale) - box.height / 2,
        size: stationSize,
        texts: [text],
        forms: [box],
        moved: [false],
        priority: -1,
      });
    }
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  return placeLabels(candidates, screen, 2 * model.scale, stationMarkers(model, project)).map(
    ({ id, form, box }) => {
      const candidate = byId.get(id)!;
      const [ax, ay] = project(candidate.position);
      return {
        id,
        position: candidate.position,
        text: candidate.texts[form]!,
        size: candidate.size,
        offset: [(box[0] + box[2]) / 2 - ax, (box[1] + box[3]) / 2 - ay],
        box,
        // From the anchor to the nearest point of the box's edge.
        leader: candidate.moved[form]
          ? [
              candidate.position,
              unproject([Math.min(Math.max(ax, box[0]), box[2]), Math.min(Math.max(ay, box[1]), box[3])]),
            ]
          : null,
      };
    },
  );
}
