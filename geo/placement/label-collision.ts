/** A label's box on screen (pixels), its candidates from fullest to most compact, and its priority. */
export type LabelCandidate = {
  id: string;
  /** Box centre on screen. */
  x: number;
  y: number;
  /**
   * The label's forms in order of preference, each a size and where its centre sits from (x, y): fullest
   * first (name, AQI and level), then compact ones, then compact ones moved aside (drawn with a leader from
   * (x, y) to the nearest point of the box: `leader`).
   */
  forms: { width: number; height: number; dx?: number; dy?: number; leader?: boolean }[];
  /** Higher wins a collision: units under warning first (issue 16). */
  priority: number;
  /** Must show (a warned unit's warning line): when left out, it may move one label in its way elsewhere. */
  required?: boolean;
  /** Shown only where there is room (a station's value): never moves another label to get in. */
  extra?: boolean;
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

/** Where a label's leader line meets its box: the point of the box nearest the anchor. */
export function leaderEnd([x, y]: readonly [number, number], box: Box): [number, number] {
  return [Math.min(Math.max(x, box[0]), box[2]), Math.min(Math.max(y, box[1]), box[3])];
}

type Segment = readonly [readonly [number, number], readonly [number, number]];

/** Whether two segments cross (touching at an end or running along each other is not crossing). */
export function segmentsCross([p, q]: Segment, [r, s]: Segment): boolean {
  const side = (a: Segment[number], b: Segment[number], c: Segment[number]) =>
    Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const [pqr, pqs, rsp, rsq] = [side(p, q, r), side(p, q, s), side(r, s, p), side(r, s, q)];
  return pqr * pqs < 0 && rsp * rsq < 0;
}

/** Whether a segment runs through a box's inside (touching its edge is not). */
export function segmentThroughBox([p, q]: Segment, box: Box): boolean {
  let [enter, leave] = [0, 1];
  for (const axis of [0, 1] as const) {
    const [low, high, from, step] = [box[axis], box[axis + 2]!, p[axis], q[axis] - p[axis]];
    if (step === 0) {
      if (from <= low || from >= high) return false;
      continue;
    }
    const [a, b] = [(low - from) / step, (high - from) / step];
    enter = Math.max(enter, Math.min(a, b));
    leave = Math.min(leave, Math.max(a, b));
  }
  return enter < leave;
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

type Placement = PlacedLabel & { leader: Segment | null };

function placementOf(candidate: LabelCandidate, form: number): Placement {
  const box = formBox(candidate, candidate.forms[form]!);
  const anchor = [candidate.x, candidate.y] as const;
  const leader: Segment | null = candidate.forms[form]!.leader ? [anchor, leaderEnd(anchor, box)] : null;
  return { id: candidate.id, form, box, leader };
}

/**
 * Two labels collide: their boxes (with `margin` between them), their leaders cross, or one's leader runs
 * through the other's box (from the back of the room it seems to point at that label's unit).
 */
function collide(a: Placement, b: Placement, margin: number): boolean {
  if (overlaps(a.box, b.box, margin)) return true;
  if (a.leader && segmentThroughBox(a.leader, b.box)) return true;
  if (b.leader && segmentThroughBox(b.leader, a.box)) return true;
  return a.leader !== null && b.leader !== null && segmentsCross(a.leader, b.leader);
}

/**
 * Greedy placement: labels in priority order, each in the fullest form that stays on screen, covers no
 * obstacle and collides with no label already placed (boxes `margin` pixels apart, no two leaders crossing
 * and no leader through another label: either is hard to follow from the back of the room); a label with no
 * such form is left out. A `required` label left out then makes room (makeRoom): required labels in its way
 * move, the others move or are left out. Any label still left out (but an `extra`) then swaps in (swapIn)
 * where the labels in its way move elsewhere with the same text. Run on a view, size or text change, never
 * per frame.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
  margin: number,
  obstacles: readonly Obstacle[] = [],
): PlacedLabel[] {
  const free = (candidate: LabelCandidate, form: number): Placement | null => {
    const placement = placementOf(candidate, form);
    return onScreenAndClear(candidate.id, placement.box, screen, obstacles) ? placement : null;
  };
  const firstClear = (candidate: LabelCandidate, placed: readonly Placement[]): Placement | null => {
    for (let form = 0; form < candidate.forms.length; form += 1) {
      const placement = free(candidate, form);
      if (placement && !placed.some((other) => collide(other, placement, margin))) return placement;
    }
    return null;
  };
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const byId = new Map(ordered.map((candidate) => [candidate.id, candidate]));
  const rank = new Map(ordered.map((candidate, index) => [candidate.id, index]));
  /**
   * The labels with `candidate` in the first place where at most one required label is in its way and it
   * finds another place (clear, or by moving one more required label the same way when `depth` allows);
   * the others in the way take another place or are left out. Null when there is no such place.
   */
  const makeRoom = (candidate: LabelCandidate, placed: Placement[], depth: number): Placement[] | null => {
    for (let form = 0; form < candidate.forms.length; form += 1) {
      const placement = free(candidate, form);
      if (!placement) continue;
      const inTheWay = placed.filter((other) => collide(other, placement, margin));
      const required = inTheWay.filter((other) => byId.get(other.id)!.required);
      if (required.length > 1) continue;
      let next = [...placed.filter((other) => !inTheWay.includes(other)), placement];
      if (required.length === 1) {
        const displaced = byId.get(required[0]!.id)!;
        const moved = firstClear(displaced, next);
        const room = moved ? [...next, moved] : depth > 0 ? makeRoom(displaced, next, depth - 1) : null;
        if (!room) continue;
        next = room;
      }
      const others = inTheWay
        .filter((other) => !required.includes(other))
        .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      for (const other of others) {
        const moved = firstClear(byId.get(other.id)!, next);
        if (moved) next.push(moved);
      }
      return next;
    }
    return null;
  };
  /** A form of the label with the same text (size) as its placed one, inside its unit if that one was. */
  const sameLabel = (candidate: LabelCandidate, form: number, as: Placement): boolean => {
    const [option, current] = [candidate.forms[form]!, candidate.forms[as.form]!];
    const sameSize = option.width === current.width && option.height === current.height;
    return sameSize && (!option.leader || current.leader === true);
  };
  /**
   * The labels with `candidate` in the first place where every label in its way (at most two) takes another
   * place for the same text: a clear one, or (`depth` allowing) one it makes the same way. Null when there
   * is none; nobody is left out for it. `as`: the candidate is one moved, and keeps its text the same way.
   */
  const swapIn = (
    candidate: LabelCandidate,
    placed: readonly Placement[],
    depth: number,
    as: Placement | null = null,
  ): Placement[] | null => {
    forms: for (let form = 0; form < candidate.forms.length; form += 1) {
      if (as && (form === as.form || !sameLabel(candidate, form, as))) continue;
      const placement = free(candidate, form);
      if (!placement) continue;
      const inTheWay = placed.filter((other) => collide(other, placement, margin));
      if (inTheWay.length > 2) continue;
      let next = [...placed.filter((other) => !inTheWay.includes(other)), placement];
      for (const other of inTheWay.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)) {
        const room = depth > 0 ? swapIn(byId.get(other.id)!, next, depth - 1, other) : null;
        if (!room) continue forms;
        next = room;
      }
      return next;
    }
    return null;
  };
  let placed: Placement[] = [];
  for (const candidate of ordered) {
    const placement = firstClear(candidate, placed);
    if (placement) placed.push(placement);
  }
  const shownIn = (labels: readonly Placement[]) => new Set(labels.map((placement) => placement.id));
  const shown = shownIn(placed);
  for (const candidate of ordered.filter((entry) => entry.required && !shown.has(entry.id)))
    placed = makeRoom(candidate, placed, 1) ?? placed;
  // A label left out because a leader runs through its only places (a small regiment by a warned unit's
  // anchor) often fits once that leader's label takes another place.
  const shownNow = shownIn(placed);
  for (const candidate of ordered.filter((entry) => !entry.extra && !shownNow.has(entry.id)))
    placed = swapIn(candidate, placed, 2) ?? placed;
  return placed.map(({ id, form, box }) => ({ id, form, box }));
}

export function overlaps(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
  margin = 0,
): boolean {
  return a[0] < b[2] + margin && b[0] < a[2] + margin && a[1] < b[3] + margin && b[1] < a[3] + margin;
}
