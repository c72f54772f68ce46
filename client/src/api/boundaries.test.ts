import { expect, test } from 'vitest';
import { boundaryCollectionSchema } from './boundaries';

const square = [
  [81.0, 43.74],
  [81.04, 43.74],
  [81.04, 43.78],
  [81.0, 43.74],
];
const collection = (coordinates: unknown) => ({
  type: 'FeatureCollection',
  attribution: 'test',
  features: [
    { type: 'Feature', properties: { unitId: '654022' }, geometry: { type: 'Polygon', coordinates } },
  ],
});

test('a ring of finite [longitude, latitude] positions is accepted as sent', () => {
  expect(boundaryCollectionSchema.parse(collection([square]))).toEqual(collection([square]));
});

test('a ring with a missing latitude or a non-number is refused, naming the ring', () => {
  for (const bad of [
    [[81.0], ...square.slice(1)],
    [['81.0', 43.74], ...square.slice(1)],
    [[81.0, null], ...square.slice(1)],
    'not a ring',
  ]) {
    const result = boundaryCollectionSchema.safeParse(collection([bad]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['features', 0, 'geometry', 'coordinates', 0]);
  }
});
