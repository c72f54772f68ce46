/** Derived arrays keyed by their source's identity, so deck.gl sees the same data until the source changes. */
const derived = new WeakMap<object, unknown>();
export function derive<Source extends object, Result>(
  source: Source,
  tag: string,
  make: (source: Source) => Result,
): Result {
  let byTag = derived.get(source) as Map<string, Result> | undefined;
  if (!byTag) {
    byTag = new Map();
    derived.set(source, byTag);
  }
  if (!byTag.has(tag)) byTag.set(tag, make(source));
  return byTag.get(tag)!;
}
