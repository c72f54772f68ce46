/** A label's box on screen (pixels), its candidates from fullest to most compact, and its priority. */
export type LabelCandidate = {
  id: string;
  /** Box centre on screen. */
  x: number;
  y: number;
  /**
   * The label's forms in order of preference, each a size and where its centre sits from (x, y): fullest
   * first (name, AQI and level), then compact ones, then compact ones moved aside (drawn with a leader).
   */
  forms: { width: number; height: number; dx?: number; dy?: number }[];
  /** Higher wins a collision: units under warning first (issue 16). */
  priority: number;
};

export type PlacedLabel = { id: string; form: number; box: [number, number, number, number] };

/** Something drawn on the map that no label may cover (a station marker); a label of the same id may touch it. */
export type Obstacle = { id: string; box: [number, number, number, number] };

type Box = PlacedLabel['box'];
type Form = LabelCandidate['forms'][number];

/** A form's box on screen: centred at the candidate's point moved by the form's offset. */
export function formBox(at: { x: number; y: number }, { width, height, dx = 0, dy = 0 }: Form): Box {
  const [x, y] = [at.x + dx, at.y + dy];
  return [x - width / 2, y - height / 2, x + width / 2, y + height / 2];
}

/** Whether a box of the candidate stays on screen and covers no obstacle but its own (its marker). */
export function onScreenAndClear(
  id: string,
  box: Box,
  screen: { width: number; height: number },
  obstacles: readonly Obstacle[],
): boolean {
  const onScreen = box[0] >= 0 && box[1] >= 0 && box[2] <= screen.width && box[3] <= screen.height;
  return onScreen && !obstacles.some((obstacle) => obstacle.id !== id && overlaps(obstacle.box, box));
}

/**
 * Greedy placement: labels in priority order, each in the fullest form that clears every label already
 * placed (with `margin` pixels between them), covers no obstacle and stays on screen; a label with no such
 * form is left out. Run on a view, size or text change, never per frame.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
  margin: number,
  obstacles: readonly Obstacle[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const candidate of ordered) {
    for (let form = 0; form < candidate.forms.length; form += 1) {
      const box = formBox(candidate, candidate.forms[form]!);
      if (
        onScreenAndClear(candidate.id, box, screen, obstacles) &&
        !placed.some((other) => overlaps(other.box, box, margin))
      ) {
        placed.push({ id: candidate.id, form, box });
        break;
      }
    }
  }
  return placed;
}

export function overlaps(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
  margin = 0,
): boolean {
  return a[0] < b[2] + margin && b[0] < a[2] + margin && a[1] < b[3] + margin && b[1] < a[3] + margin;
}
