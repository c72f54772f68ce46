import { coveredBy, wordCount } from './bitsets';
import { conditionMet, fillNextPositive, type Problem, type ProblemCondition } from './problem';

/**
 * Every maximal connected set (≥ minMembers) meeting one of the problem's conditions, plus possibly some
 * non-maximal ones (the caller keeps the maximal ones), or null when the budget of search steps runs out.
 *
 * Each connected set is reached once, from its lowest-numbered node (the root), by branching on a
 * frontier node: include it, or exclude it for the whole subtree. Conditions whose optimistic sums
 * (members plus the surplus of every node still reachable) cannot pass are dropped for the subtree, as
 * these sums only fall deeper down. A subtree is cut when
 * - no condition is left (branch and bound);
 * - the set plus everything still reachable meets a condition: every other set of the subtree is a
 *   subset of it, so that union is the subtree's only candidate for maximality;
 * - the set plus everything still reachable lies inside a set already found: nothing there is maximal;
 * - an excluded neighbour has no deficit in any window of the remaining conditions: it could always be
 *   added, so no set there is maximal (and such a frontier node is therefore never excluded).
 */
export function exactQualifyingSets(problem: Problem, minMembers: number, budget: number): number[][] | null {
  const size = problem.nodes.length;
  const { windowCount, slacks } = problem;
  const inSet = new Uint8Array(size);
  const excluded = new Uint8Array(size);
  const stamp = new Int32Array(size);
  let currentStamp = 0;
  const members: number[] = [];
  const sums = new Float64Array(windowCount);
  const found: number[][] = [];
  let steps = 0;

  const hasNoDeficit = (alive: readonly ProblemCondition[], node: number) =>
    alive.every((condition) => problem.noDeficit[condition.index]![node] === 1);
  const blockedByExcludedNeighbour = (node: number, alive: readonly ProblemCondition[]) =>
    problem.neighbours[node]!.some((next) => excluded[next] === 1 && hasNoDeficit(alive, next));

  const addMember = (node: number) => {
    inSet[node] = 1;
    members.push(node);
    const row = node * windowCount;
    for (let window = 0; window < windowCount; window += 1)
      sums[window] = sums[window]! + slacks[row + window]!;
  };
  // Restoring a copy rather than subtracting keeps the sums exact for non-integer values.
  const removeMember = (node: number, saved: Float64Array) => {
    inSet[node] = 0;
    members.pop();
    sums.set(saved);
  };

  // Sets found that contain the current members, one list per member added (a set found deeper
  // contains every shallower member set, so it joins every list on the stack).
  const coverStack: Uint32Array[][] = [[]];
  const containing = (list: readonly Uint32Array[], node: number) =>
    list.filter((cover) => (cover[node >> 5]! & (1 << (node & 31))) !== 0);

  // Scratch buffers: each visit uses them only before it recurses.
  const reach = new Int32Array(size);
  const bits = new Uint32Array(wordCount(size));
  const optimistic = new Float64Array(windowCount);
  const total = new Float64Array(windowCount);

  const nextOptimistic = new Int32Array(windowCount);
  const nextTotal = new Int32Array(windowCount);
  let reachCount = 0;
  const ranges = problem.lines.map(() => ({ first: 0, last: -1 }));

  const visit = (frontier: number[], alive: readonly ProblemCondition[]): boolean => {
    steps += 1;
    if (steps > budget) return false;
    currentStamp += 1;
    reachCount = 0;
    for (const node of frontier) {
      stamp[node] = currentStamp;
      reach[reachCount++] = node;
    }
    for (let head = 0; head < reachCount; head += 1) {
      for (const next of problem.neighbours[reach[head]!]!) {
        if (!inSet[next] && !excluded[next] && stamp[next] !== currentStamp) {
          stamp[next] = currentStamp;
          reach[reachCount++] = next;
        }
      }
    }
    if (members.length + reachCount < minMembers) return true;
    bits.fill(0);
    for (const node of members) bits[node >> 5] = bits[node >> 5]! | (1 << (node & 31));
    for (let index = 0; index < reachCount; index += 1) {
      const node = reach[index]!;
      bits[node >> 5] = bits[node >> 5]! | (1 << (node & 31));
    }
    if (coveredBy(bits, coverStack.at(-1)!)) return true;
    // Only the windows the remaining conditions use, line by line.
    for (let line = 0; line < ranges.length; line += 1) {
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const condition of alive) {
        const span = condition.spans[line]!;
        if (span.first < first) first = span.first;
        if (span.last > last) last = span.last;
      }
      const range = ranges[line]!;
      range.first = first;
      range.last = last;
      for (let window = first; window <= last; window += 1) {
        optimistic[window] = sums[window]!;
        total[window] = sums[window]!;
      }
      for (let index = 0; index < reachCount; index += 1) {
        const row = reach[index]! * windowCount;
        for (let window = first; window <= last; window += 1) {
          const slack = slacks[row + window]!;
          total[window] = total[window]! + slack;
          if (slack > 0) optimistic[window] = optimistic[window]! + slack;
        }
      }
      fillNextPositive(range, optimistic, nextOptimistic);
      fillNextPositive(range, total, nextTotal);
    }
    const remaining: ProblemCondition[] = [];
    let met = false;
    for (const condition of alive) {
      if (!conditionMet(condition, optimistic, nextOptimistic)) continue;
      remaining.push(condition);
      met ||= conditionMet(condition, total, nextTotal);
    }
    if (remaining.length === 0) return true;
    if (met) {
      found.push([...members, ...reach.subarray(0, reachCount)]);
      const cover = Uint32Array.from(bits);
      for (const list of coverStack) list.push(cover);
      return true;
    }
    const free = frontier.find((node) => hasNoDeficit(remaining, node));
    const chosen = free ?? frontier[0]!;
    const rest = frontier.filter((node) => node !== chosen);
    if (!blockedByExcludedNeighbour(chosen, remaining)) {
      const saved = Float64Array.from(sums);
      addMember(chosen);
      const grown = [...rest];
      for (const next of problem.neighbours[chosen]!)
        if (!inSet[next] && !excluded[next] && !grown.includes(next)) grown.push(next);
      coverStack.push(containing(coverStack.at(-1)!, chosen));
      const finished = visit(grown, remaining);
      coverStack.pop();
      removeMember(chosen, saved);
      if (!finished) return false;
    }
    if (free !== undefined) return true;
    excluded[chosen] = 1;
    const finished = visit(rest, remaining);
    excluded[chosen] = 0;
    return finished;
  };

  for (let root = 0; root < size; root += 1) {
    if (!blockedByExcludedNeighbour(root, problem.conditions)) {
      addMember(root);
      const frontier = problem.neighbours[root]!.filter((next) => !excluded[next]);
      coverStack.push(containing(coverStack[0]!, root));
      const finished = visit(frontier, problem.conditions);
      coverStack.pop();
      removeMember(root, new Float64Array(windowCount));
      if (!finished) return null;
    }
    excluded[root] = 1;
  }
  return found;
}
