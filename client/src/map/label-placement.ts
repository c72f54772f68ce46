import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import {
  formBox,
  type LabelCandidate,
  leaderEnd,
  type Obstacle,
  onScreenAndClear,
  type PlacedLabel,
  placeLabels,
} from '../../../geo/placement/label-collision';
import { unitById } from '../../../geo/units';
import { higherLevel, levelRank } from '../../../shared/levels';
import { unitName } from '../i18n/names';
import type { UnitFeature } from './geometry';
import { fontFamily } from './label-font';
import { unitAqi, unitLabelLines } from './labels';
import { type MapModel, stationRadius } from './layers';

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

/** A label's box (its lines in the bold label font at `size` px, with padding). */
export type Measure = (lines: readonly string[], size: number) => { width: number; height: number };

let measuring: CanvasRenderingContext2D | null = null;
const measureOnCanvas: Measure = (lines, size) => {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (measuring) measuring.font = `bold ${size}px ${fontFamily}`;
  const width = Math.max(...lines.map((line) => measuring?.measureText(line).width ?? line.length * size));
  return { width: width + 2 * padding, height: lines.length * size * lineHeight + 2 * padding };
};

type Form = LabelCandidate['forms'][number];

type Candidate = LabelCandidate & {
  position: [number, number];
  size: number;
  /** The text of each form. */
  texts: string[];
  /** Moved ahead of the others after a placement left it out. */
  ahead?: boolean;
};

/** Where a label may move when it does not fit at its anchor: around it, nearest first, `steps` rings out. */
function asides(width: number, height: number, size: number, steps: number): { dx: number; dy: number }[] {
  const across = width / 2 + size;
  const up = height / 2 + size;
  const directions = [
    [0, -1],
    [0, 1],
    [-1, 0],
    [1, 0],
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ] as const;
  return Array.from({ length: steps }, (_, index) => index + 1).flatMap((step) =>
    directions.map(([x, y]) => ({ dx: x * (across + (step - 1) * size), dy: y * step * up })),
  );
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

/** The regiment seat markers' boxes on screen (a regiment without a boundary): labels keep clear of them too. */
export function seatMarkers(
  model: MapModel,
  project: (position: [number, number]) => [number, number],
): Obstacle[] {
  // The circle and its outline (up to 4 px wide when warned, drawn across the edge).
  const radius = ((model.wall ? 11 : 9) + 2) * model.scale;
  return model.geometry.seats.map((seat) => {
    const [x, y] = project(seat.position);
    // Not the seat's own id: its label hangs below it and may not be moved over it either.
    return { id: `seat:${seat.unitId}`, box: [x - radius, y - radius, x + radius, y + radius] };
  });
}

/** Every marker no label may cover: stations and regiment seats (a label may touch its own marker). */
export function mapMarkers(
  model: MapModel,
  project: (position: [number, number]) => [number, number],
): Obstacle[] {
  return [...stationMarkers(model, project), ...seatMarkers(model, project)];
}

/**
 * Where each label goes for the current view (issue 16): unit labels at their anchor inside the unit,
 * regiments without a boundary below their seat, the wall's station values above the station; in
 * priority order (warned units first, then units a region covers or a decision is due on, counties before
 * farms, higher AQI),
 * each in its fullest form that overlaps nothing (no other label, no station or seat marker), else a compact
 * one, else left out. A label drawn at its anchor lies inside its unit; one that does not fit there is moved
 * aside with a leader line. A warned unit's compact forms keep its warning line: when space is short the AQI
 * value goes first (the fill's colour still gives its class), never the warning.
 */
export function placeMapLabels(
  model: MapModel,
  project: (position: [number, number]) => [number, number],
  unproject: (point: [number, number]) => [number, number],
  screen: { width: number; height: number },
  measure: Measure = measureOnCanvas,
): DrawnLabel[] {
  const size = (model.wall ? 19 : 13) * model.scale;
  const candidates: Candidate[] = [];
  /** Whether a form centred at (x + dx, y + dy) lies inside the unit: its corners and edges' midpoints. */
  const insideUnit = (feature: UnitFeature, x: number, y: number) => (form: Form) => {
    const [left, top, right, bottom] = formBox({ x, y }, form);
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
    const name = unitName(model.language, catalogue, unitId);
    const lines = unitLabelLines(
      name,
      unit,
      inForce,
      model.metric,
      model.language,
      model.regionAhead.get(unitId),
    );
    const texts = lines.map((line) => line.text);
    const warningLines = lines.filter((line) => line.warning).map((line) => line.text);
    const [x, y] = project(position);
    // A place aside that runs off the screen's edge (a long English name at the west edge of Ili) is pulled
    // back onto it, unless it would then cover the anchor its leader starts from; never the label of a unit
    // off the screen (Kizilsu's, on Ili's view), which would hang at the edge on a leader across the map.
    const anchorShown = x >= 0 && x <= screen.width && y >= 0 && y <= screen.height;
    const pulledOnScreen = (option: Form): Form => {
      if (!anchorShown) return option;
      const [left, top, right, bottom] = formBox({ x, y }, option);
      const dx = (option.dx ?? 0) + Math.max(0, -left) - Math.max(0, right - screen.width);
      const dy = (option.dy ?? 0) + Math.max(0, -top) - Math.max(0, bottom - screen.height);
      const pulled = formBox({ x, y }, { ...option, dx, dy });
      const coversAnchor = pulled[0] <= x && x <= pulled[2] && pulled[1] <= y && y <= pulled[3];
      return coversAnchor ? option : { ...option, dx, dy };
    };
    // Fullest first; the compact forms name the unit and keep every warning line, the last without the value.
    const fuller = [texts];
    const compact =
      warningLines.length > 0
        ? [
            [texts[0]!, ...warningLines],
            [name, ...warningLines],
          ]
        : [[texts[0]!]];
    const forms = [...fuller, ...compact].filter(
      (form, index, all) => all.findIndex((other) => other.join('\n') === form.join('\n')) === index,
    );
    const firstCompact = forms.findIndex((form) => form.join('\n') === compact[0]!.join('\n'));
    const sizes = forms.map((form) => measure(form, size));
    // Each form at its anchor or moved aside (a station's ring there), inside its unit, so its lines never run
    // over a neighbour; a compact form that fits nowhere inside goes around the anchor, with a leader line.
    const fits = feature ? insideUnit(feature, x, y) : null;
    const placements = forms.flatMap((form, index) => {
      const { width, height } = sizes[index]!;
      // A seat's label hangs below its marker; a unit's is centred on its anchor.
      const at = { width, height, dx: 0, dy: below > 0 ? below + height / 2 : 0 };
      const around = (steps: number) =>
        asides(width, height, size, steps).map((offset) => pulledOnScreen({ width, height, ...offset }));
      // Inside the unit up to three steps away; outside, with a leader, two for a warned unit (its warning line
      // must show in the dense west of Ili), one for the others: a long leader reads as belonging elsewhere.
      const outside = index < firstCompact ? [] : around(warningLines.length > 0 ? 2 : 1);
      const options = fits
        ? [...[at, ...around(3)].filter(fits), ...outside.filter((option) => !fits(option))]
        : [at, ...outside];
      return options.map((option) => ({
        text: form.join('\n'),
        option: { ...option, leader: option !== at },
      }));
    });
    // A unit's last resort, after every nearer place of every form: its compact forms further out, three and
    // four steps for a warned unit, two and three for the others (a small regiment ringed by station markers in
    // the dense west has no place one step out that no warned unit's leader runs through).
    forms.slice(firstCompact).forEach((form, offset) => {
      const { width, height } = sizes[firstCompact + offset]!;
      const [steps, nearer] = warningLines.length > 0 ? [4, 16] : [3, 8];
      const far = asides(width, height, size, steps).slice(nearer);
      for (const option of far)
        placements.push({
          text: form.join('\n'),
          option: { ...pulledOnScreen({ width, height, ...option }), leader: true },
        });
    });
    candidates.push({
      id: unitId,
      position,
      x,
      y,
      size,
      texts: placements.map(({ text }) => text),
      forms: placements.map(({ option }) => option),
      // Under a warning in force: its label must show, with its warning line.
      required: warningLines.length > 0,
      priority:
        levelRank(inForce?.highest ?? 'none') * 1000 +
        // A unit a region covers, or one a decision is due on (the side panel's list names it), before the rest.
        levelRank(higherLevel(unit?.regionFloor ?? 'none', unit?.recommendedLevel ?? 'none')) * 100 +
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
        priority: -1,
        extra: true,
      });
    }
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const markers = mapMarkers(model, project);
  // Among the warned, the unit with the fewest places free of markers and on screen goes first (a small unit
  // in the dense west): the big ones have room inside themselves for whatever is left.
  for (const candidate of candidates) {
    if (!candidate.required) continue;
    const free = candidate.forms.filter((form) =>
      onScreenAndClear(candidate.id, formBox(candidate, form), screen, markers),
    ).length;
    candidate.priority += 500 - Math.min(free, 400);
  }
  const warnedLeftOut = (labels: readonly PlacedLabel[]) => {
    const shown = new Set(labels.map((label) => label.id));
    return candidates.filter((candidate) => candidate.required && !shown.has(candidate.id));
  };
  let placed = placeLabels(candidates, screen, 2 * model.scale, markers);
  // A warned unit left out (a small one, crowded by its warned neighbours' labels) goes ahead of the others
  // and the placement runs again: the bigger units have room elsewhere. A round is kept only when it leaves
  // fewer warned units out (moving one ahead can push another out).
  for (let round = 0; round < 4; round += 1) {
    const missing = warnedLeftOut(placed).filter((candidate) => !candidate.ahead);
    if (missing.length === 0) break;
    for (const candidate of missing) {
      candidate.ahead = true;
      candidate.priority += 100_000;
    }
    const again = placeLabels(candidates, screen, 2 * model.scale, markers);
    if (warnedLeftOut(again).length < warnedLeftOut(placed).length) placed = again;
  }
  return placed.map(({ id, form, box }) => {
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
      leader: candidate.forms[form]!.leader
        ? [candidate.position, unproject(leaderEnd([ax, ay], box))]
        : null,
    };
  });
}
