import type { Jurisdiction } from '../../../shared/units/schema';

/**
 * Towns and industrial parks the synthetic layers cluster around: approximate real centres (WGS84, to
 * about a kilometre), `weight` the share of enterprises, `radiusKm` how far they scatter. Valleys and town
 * fringes only, so no sample plant sits on a glacier or in Sayram Lake.
 */
export interface Anchor {
  name: string;
  lon: number;
  lat: number;
  weight: number;
  radiusKm: number;
  park: boolean;
}

const anchor = (
  name: string,
  lon: number,
  lat: number,
  weight: number,
  radiusKm: number,
  park = false,
): Anchor => ({
  name,
  lon,
  lat,
  weight,
  radiusKm,
  park,
});

export const anchors: Record<Jurisdiction, readonly Anchor[]> = {
  ili: [
    anchor('伊宁市', 81.324, 43.916, 14, 4),
    anchor('伊宁边境经济合作区', 81.262, 43.952, 8, 2.5, true),
    anchor('伊宁县吉里于孜镇', 81.527, 43.977, 8, 3),
    anchor('伊东工业园', 81.84, 43.965, 10, 3, true),
    anchor('霍尔果斯市', 80.413, 44.212, 8, 3),
    anchor('霍城县清水河镇', 80.79, 44.06, 8, 2.5, true),
    anchor('霍城县水定镇', 80.873, 44.053, 4, 2.5),
    anchor('奎屯市', 84.895, 44.426, 12, 4),
    anchor('可克达拉市', 81.045, 43.945, 6, 2.5),
    anchor('察布查尔县', 81.151, 43.84, 6, 3),
    anchor('新源县', 83.261, 43.432, 6, 3),
    anchor('巩留县', 82.232, 43.482, 3, 2.5),
    anchor('尼勒克县', 82.511, 43.8, 3, 2.5),
    anchor('特克斯县', 81.836, 43.218, 3, 2.5),
    anchor('昭苏县', 81.13, 43.158, 3, 2.5),
    anchor('68团长丰镇', 80.99, 43.89, 2, 1.5),
    anchor('66团金梁镇', 81.086, 43.96, 2, 1.5),
    anchor('64团苇湖镇', 80.675, 44.099, 2, 1.5),
  ],
  kizilsu: [
    anchor('阿图什市', 76.168, 39.714, 12, 4),
    anchor('阿图什工业园', 76.1, 39.68, 10, 3, true),
    anchor('阿克陶县', 75.947, 39.148, 8, 3),
    anchor('阿克陶工业园', 75.93, 39.115, 6, 2.5, true),
    anchor('乌恰县', 75.259, 39.717, 6, 3),
    anchor('阿合奇县', 78.446, 40.937, 3, 2),
  ],
};

/** Town centres that draw diesel-vehicle restriction zones (plans 4.3.1.2). */
export const zoneCentres: Record<
  Jurisdiction,
  readonly { name: string; lon: number; lat: number; radiusKm: number }[]
> = {
  ili: [
    { name: '伊宁市中心城区', lon: 81.324, lat: 43.916, radiusKm: 3 },
    { name: '奎屯市中心城区', lon: 84.895, lat: 44.426, radiusKm: 2.5 },
    { name: '霍尔果斯市区', lon: 80.413, lat: 44.212, radiusKm: 2 },
    { name: '可克达拉市区', lon: 81.045, lat: 43.945, radiusKm: 1.5 },
  ],
  kizilsu: [
    { name: '阿图什市中心城区', lon: 76.168, lat: 39.714, radiusKm: 2.5 },
    { name: '阿克陶县城', lon: 75.947, lat: 39.148, radiusKm: 1.5 },
  ],
};
