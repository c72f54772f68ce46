import type { Emissions, EnterpriseClass } from '../enterprise';
import type { Random } from './random';

/** Annual emission ranges in t/a per industry, low to high, roughly the order of magnitude of real lists. */
type Range = readonly [number, number];
interface Industry {
  name: string;
  so2: Range;
  nox: Range;
  pm: Range;
  vocs: Range;
  trucks: Range;
}

const industry = (name: string, so2: Range, nox: Range, pm: Range, vocs: Range, trucks: Range): Industry => ({
  name,
  so2,
  nox,
  pm,
  vocs,
  trucks,
});

const heat = industry('热电联产', [80, 600], [100, 800], [20, 150], [1, 10], [20, 120]);
const heating = industry('集中供热', [20, 150], [30, 200], [5, 40], [0.5, 3], [10, 40]);
const cement = industry('水泥', [20, 200], [300, 1500], [50, 300], [1, 5], [40, 150]);
const coking = industry('焦化', [50, 400], [100, 600], [50, 250], [20, 200], [30, 120]);
const coalChemical = industry('煤化工', [30, 300], [50, 400], [20, 100], [30, 300], [20, 100]);
const ferroalloy = industry('铁合金', [50, 500], [80, 600], [80, 400], [5, 30], [30, 100]);
const bricks = industry('砖瓦', [5, 60], [5, 40], [10, 80], [0, 0], [5, 30]);
const lime = industry('石灰', [5, 40], [10, 80], [20, 100], [0, 0], [5, 20]);
const food = industry('农副食品加工', [2, 40], [5, 50], [2, 30], [1, 10], [5, 30]);
const casting = industry('铸造', [1, 10], [2, 20], [5, 40], [1, 10], [2, 15]);
const asphalt = industry('沥青搅拌', [1, 8], [2, 15], [2, 20], [2, 15], [5, 30]);
const furniture = industry('家具制造', [0, 0], [0, 0], [0.5, 5], [2, 40], [0, 5]);
const printing = industry('包装印刷', [0, 0], [0, 0], [0, 0.5], [1, 20], [0, 5]);
// Small-micro: well under 100 kg a year in all (plans 4.3.1.1(2)).
const repair = industry('汽车维修', [0, 0], [0, 0], [0.002, 0.015], [0.005, 0.04], [0, 2]);
const dryCleaning = industry('干洗', [0, 0], [0, 0], [0, 0], [0.005, 0.05], [0, 1]);

const industriesByClass: Record<EnterpriseClass, readonly Industry[]> = {
  A: [cement, heat, coalChemical],
  leading: [cement, coalChemical],
  B: [cement, coking, coalChemical, ferroalloy, heat, food],
  C: [coking, ferroalloy, bricks, lime, casting, food, asphalt],
  D: [bricks, lime, casting, asphalt],
  guarantee: [heat, heating],
  'small-micro': [repair, dryCleaning],
  other: [food, casting, asphalt, furniture, printing, bricks],
};

export function drawIndustry(random: Random, enterpriseClass: EnterpriseClass) {
  const chosen = random.pick(industriesByClass[enterpriseClass]);
  const amount = ([low, high]: Range) => Math.round(random.between(low, high) * 1000) / 1000;
  const emissions: Emissions = {
    so2: amount(chosen.so2),
    nox: amount(chosen.nox),
    pm: amount(chosen.pm),
    vocs: amount(chosen.vocs),
  };
  return {
    industry: chosen.name,
    emissions,
    heavyTruckTripsPerDay: Math.round(random.between(...chosen.trucks)),
  };
}

/** How often each class appears on a prefecture's list (most listed plants are small). */
export const classWeights: readonly (readonly [EnterpriseClass, number])[] = [
  ['A', 4],
  ['leading', 1],
  ['B', 14],
  ['C', 18],
  ['D', 6],
  ['guarantee', 9],
  ['small-micro', 20],
  ['other', 28],
];
