import { coveredBy, wordCount } from './known-sets';
import { hasNoDeficit, type LocalSlacks, sumsMeet } from './local-slacks';

/**
 * Every maximal connected set (≥ minMembers) meeting the condition, plus possibly some non-maximal ones
 * (the caller keeps the maximal ones), or null when the budget of search steps runs out.
 *
 * Each connected set is reached once, from its lowest-numbered node (the root), by branching on a
 * frontier node: include it, or exclude it for the whole subtree. A subtree is cut when
 * - even adding every reachable node's surplus cannot lift some window's sum above 0 (branch and bound);
 * - the set plus everything still reachable meets the condition: every other set of the subtree is a
 *   subset of it, so that union is the subtree's only candidate for maximality;
 * - the set plus everything still reachable lies inside a qualifying set already known (`covers`, local
 *   bitsets, grown with every set found here): nothing in the subtree can be maximal;
 * - an excluded neighbour has no deficit in any window: it could always be added, so no set there is
 *   maximal (and such a frontier node is therefore never excluded).
 */
export function exactQualifyingSets(
  local: LocalSlacks,
  minMembers: number,
  budget: number,
  covers: Uint32Array[],
): number[][] | null {
  const size = local.nodes.length;
  const windowCount = local.slacks.length;
  const inSet = new Uint8Array(size);
  const excluded = new Uint8Array(size);
  const noDeficit = Uint8Array.from(local.nodes, (_, node) => (hasNoDeficit(local, node) ? 1 : 0));
  const stamp = new Int32Array(size);
  let currentStamp = 0;
  const members: number[] = [];
  const sums = new Float64Array(windowCount);
  const found: number[][] = [];
  let steps = 0;

  const blockedByExcludedNeighbour = (node: number) =>
    local.neighbours[node]!.some((next) => excluded[next] === 1 && noDeficit[next] === 1);

  const addMember = (node: number) => {
    inSet[node] = 1;
    members.push(node);
    for (let k = 0; k < windowCount; k += 1) sums[k] = sums[k]! + local.slacks[k]![node]!;
  };
  // Restoring a copy rather than subtracting keeps the sums exact for non-integer values.
  const removeMember = (node: number, saved: Float64Array) => {
    inSet[node] = 0;
    members.pop();
    sums.set(saved);
  };

  // Known sets that contain the current members, one list per member added (a set found deeper
  // contains every shallower member set, so it joins every list on the stack).
  const coverStack: Uint32Array[][] = [covers];
  const containing = (list: readonly Uint32Array[], node: number) =>
    list.filter((cover) => (cover[node >> 5]! & (1 << (node & 31))) !== 0);

  // Scratch buffers: each visit uses them only before it recurses.
  const reach = new Int32Array(size);
  const bits = new Uint32Array(wordCount(size));
  const optimistic = new Float64Array(windowCount);
  const total = new Float64Array(windowCount);

  const visit = (frontier: number[]): boolean => {
    steps += 1;
    if (steps > budget) return false;
    currentStamp += 1;
    let reachCount = 0;
    for (const node of frontier) {
      stamp[node] = currentStamp;
      reach[reachCount++] = node;
    }
    for (let head = 0; head < reachCount; head += 1) {
      for (const next of local.neighbours[reach[head]!]!) {
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
    optimistic.set(sums);
    total.set(sums);
    for (let k = 0; k < windowCount; k += 1) {
      const slacks = local.slacks[k]!;
      for (let index = 0; index < reachCount; index += 1) {
        const slack = slacks[reach[index]!]!;
        total[k] = total[k]! + slack;
        if (slack > 0) optimistic[k] = optimistic[k]! + slack;
      }
    }
    if (!sumsMeet(local, optimistic)) return true;
    if (sumsMeet(local, total)) {
      found.push([...members, ...reach.subarray(0, reachCount)]);
      const cover = Uint32Array.from(bits);
      for (const list of coverStack) list.push(cover);
      return true;
    }
    const chosen = frontier.find((node) => noDeficit[node] === 1) ?? frontier[0]!;
    const rest = frontier.filter((node) => node !== chosen);
    if (!blockedByExcludedNeighbour(chosen)) {
      const saved = Float64Array.from(sums);
      addMember(chosen);
      const grown = [...rest];
      for (const next of local.neighbours[chosen]!)
        if (!inSet[next] && !excluded[next] && !grown.includes(next)) grown.push(next);
      coverStack.push(containing(coverStack.at(-1)!, chosen));
      const finished = visit(grown);
      coverStack.pop();
      removeMember(chosen, saved);
      if (!finished) return false;
    }
    if (noDeficit[chosen]) return true;
    excluded[chosen] = 1;
    const finished = visit(rest);
    excluded[chosen] = 0;
    return finished;
  };

  for (let root = 0; root < size; root += 1) {
    if (!blockedByExcludedNeighbour(root)) {
      addMember(root);
      const frontier = local.neighbours[root]!.filter((next) => !excluded[next]);
      coverStack.push(containing(covers, root));
      const finished = visit(frontier);
      coverStack.pop();
      removeMember(root, new Float64Array(windowCount));
      if (!finished) return null;
    }
    excluded[root] = 1;
  }
  return found;
}
