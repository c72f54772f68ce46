import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

// Published reference pair (wandergis/coordtransform README): WGS84 (116.404, 39.915) is
// GCJ-02 (116.41024449916938, 39.91640428150164), an offset of about 540 m east and 160 m north.
const wgs84: [number, number] = [116.404, 39.915];
const gcj02: [number, number] = [116.41024449916938, 39.91640428150164];

describe('GCJ-02 conversion', () => {
  it('offsets a WGS84 point as the public formula does', () => {
    const [longitude, latitude] = wgs84ToGcj02(...wgs84);
    expect(longitude).toBeCloseTo(gcj02[0], 10);
    expect(latitude).toBeCloseTo(gcj02[1], 10);
  });

  it('recovers the WGS84 point from its GCJ-02 image to within a millimetre', () => {
    const [longitude, latitude] = gcj02ToWgs84(...gcj02);
    expect(longitude).toBeCloseTo(wgs84[0], 8);
    expect(latitude).toBeCloseTo(wgs84[1], 8);
  });

  it('round-trips points in Ili and Kizilsu', () => {
    for (const point of [
      [81.2815, 43.9404],
      [76.1454, 39.7142],
    ] as const) {
      const [longitude, latitude] = gcj02ToWgs84(...wgs84ToGcj02(point[0], point[1]));
      expect(longitude).toBeCloseTo(point[0], 8);
      expect(latitude).toBeCloseTo(point[1], 8);
    }
  });
});
