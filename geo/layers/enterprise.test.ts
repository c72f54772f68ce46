import { describe, expect, it } from 'vitest';
import { enterpriseSchema } from './enterprise';

const base = {
  id: 'T-1',
  name: '测试企业',
  unitId: '654002',
  lon: 81.3,
  lat: 43.92,
  industry: '水泥',
  class: 'B',
  emissions: { so2: 10, nox: 20, pm: 5, vocs: 1 },
  heavyTruckTripsPerDay: 4,
  measures: {
    yellow: { kind: 'cut', percent: 10 },
    orange: { kind: 'cut', percent: 20 },
    red: { kind: 'cut', percent: 30 },
  },
  updatedOn: null,
  synthetic: false,
};
const messages = (record: unknown) => {
  const result = enterpriseSchema.safeParse(record);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the emission-reduction list row', () => {
  it('accepts a B-grade plant that cuts more at each level', () => {
    expect(messages(base)).toEqual([]);
  });

  it('refuses a red measure that removes less than the orange one', () => {
    const measures = { ...base.measures, red: { kind: 'transport' } };
    expect(messages({ ...base, measures })).toEqual([
      'measures.red: the red measure removes less than the orange one; each level adds to the one below',
    ]);
  });

  it('counts exactly 100 kg a year as too much for small-micro (plan: under 100 kg)', () => {
    const emissions = { so2: 0, nox: 0, pm: 0.04, vocs: 0.06 };
    const transport = { kind: 'transport' };
    const record = {
      ...base,
      class: 'small-micro',
      emissions,
      measures: { yellow: transport, orange: transport, red: transport },
    };
    expect(messages(record)).toHaveLength(1);
    expect(messages({ ...record, emissions: { ...emissions, vocs: 0.059 } })).toEqual([]);
  });

  it('makes D-grade plants stop in Ili but not in Kizilsu, whose plan leaves D measures to the guidance', () => {
    const dGrade = { ...base, class: 'D' };
    expect(messages(dGrade)).toHaveLength(3);
    expect(messages({ ...dGrade, unitId: '653001', lon: 76.17, lat: 39.71 })).toEqual([]);
  });

  it('refuses an unknown unit and a point outside Xinjiang', () => {
    expect(messages({ ...base, unitId: '650102' })).toEqual(['unitId: is not a warning unit (geo/units.ts)']);
    expect(messages({ ...base, lon: 116.4, lat: 39.9 })[0]).toContain(
      'lon: point (116.4, 39.9) lies outside Xinjiang',
    );
  });
});
