import { describe, expect, it } from 'vitest';
import { kmPerDegreeLongitude, scaleBar } from './scale-bar';

describe('scale bar', () => {
  it('picks the longest round distance that fits', () => {
    expect(scaleBar(2, 180)).toEqual({ km: 50, pixels: 100 });
    expect(scaleBar(0.5, 180)).toEqual({ km: 250, pixels: 125 });
    expect(scaleBar(400, 180)).toBeNull();
  });

  it('shrinks a degree of longitude with latitude', () => {
    expect(kmPerDegreeLongitude(0)).toBeCloseTo(111.32);
    expect(kmPerDegreeLongitude(44)).toBeCloseTo(80.08, 1);
  });
});
