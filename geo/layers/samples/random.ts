/** mulberry32: a small seeded PRNG, so the sample layers come out the same on every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (low, high) => low + (high - low) * next(),
    integer: (low, high) => Math.floor(low + (high - low + 1) * next()),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [item, weight] of entries) {
        draw -= weight;
        if (draw < 0) return item;
      }
      return entries.at(-1)![0];
    },
  };
}

export interface Random {
  next(): number;
  between(low: number, high: number): number;
  integer(low: number, high: number): number;
  pick<Item>(items: readonly Item[]): Item;
  weighted<Item>(entries: readonly (readonly [Item, number])[]): Item;
}

/** A point up to `radiusKm` from a centre, denser near it (uniform over the disc). */
export function scatter(random: Random, lon: number, lat: number, radiusKm: number): [number, number] {
  const distance = radiusKm * Math.sqrt(random.next());
  const bearing = random.next() * 2 * Math.PI;
  const kmPerDegreeLat = 111.2;
  const kmPerDegreeLon = kmPerDegreeLat * Math.cos((lat * Math.PI) / 180);
  return [
    round(lon + (distance * Math.cos(bearing)) / kmPerDegreeLon),
    round(lat + (distance * Math.sin(bearing)) / kmPerDegreeLat),
  ];
}

/** Five decimals: about a metre, as office lists write coordinates. */
export function round(value: number, decimals = 5): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
