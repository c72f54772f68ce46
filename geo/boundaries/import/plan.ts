import type { Feature } from 'geojson';
import { unitById, units } from '../../units';
import { gcj02ToWgs84 } from '../gcj02';
import { mapPositions, type Polygonal } from '../geometry';
import { type BoundaryRegistry, type OfficialBoundary, unitBoundaries } from '../registry';
import {
  type BoundaryFile,
  type BoundaryImportOptions,
  type BoundaryImportProblem,
  boundaryFileSchema,
  boundaryImportOptionsSchema,
} from './options';
import { readBoundaryFile } from './read';
import { placementProblems, shapeProblems } from './validate';

export type BoundaryImportReport = {
  features: number;
  imported: { feature: number; unitId: string }[];
  problems: BoundaryImportProblem[];
};

export type BoundaryImportPlan =
  | { ok: true; next: OfficialBoundary[]; boundaries: BoundaryRegistry; report: BoundaryImportReport }
  | { ok: false; report: BoundaryImportReport };

/** A unit named by id, Chinese name or English name. */
function resolveUnit(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (unitById.has(text)) return text;
  return units.find((unit) => unit.nameZh === text || unit.nameEn === text)?.id ?? null;
}

function failed(features: number, problems: BoundaryImportProblem[]): BoundaryImportPlan {
  return { ok: false, report: { features, imported: [], problems } };
}

/**
 * Reads and checks an office's boundary file and works out the boundary set that would result, without
 * applying anything: one problem anywhere rejects the whole file (issue 4: nothing is half-applied).
 * The caller persists `next` (the official boundaries after the import) in one step.
 */
export async function planBoundaryImport(
  current: readonly OfficialBoundary[],
  file: BoundaryFile,
  options: BoundaryImportOptions,
): Promise<BoundaryImportPlan> {
  const parsedOptions = boundaryImportOptionsSchema.safeParse(options);
  if (!parsedOptions.success)
    return failed(
      0,
      parsedOptions.error.issues.map((issue) => ({
        feature: null,
        unitId: null,
        problem: `option ${issue.path.join('.')}: ${issue.message}`,
      })),
    );
  const { idProperty, crs, source, importedAt } = parsedOptions.data;
  const parsedFile = boundaryFileSchema.safeParse(file);
  if (!parsedFile.success)
    return failed(0, [{ feature: null, unitId: null, problem: 'expected a file name and its bytes' }]);
  const read = readBoundaryFile(parsedFile.data);
  if (!read.ok) return failed(0, [{ feature: null, unitId: null, problem: read.problem }]);
  if (read.features.length === 0)
    return failed(0, [{ feature: null, unitId: null, problem: 'the file holds no features' }]);

  const problems: BoundaryImportProblem[] = [];
  const imported: OfficialBoundary[] = [];
  const importedReport: { feature: number; unitId: string }[] = [];
  const firstFeatureOf = new Map<string, number>();
  read.features.forEach((feature: Feature, index) => {
    const value = feature.properties?.[idProperty];
    const unitId = resolveUnit(value);
    const report = (problem: string) => problems.push({ feature: index, unitId, problem });
    if (value === undefined || value === null || value === '')
      // An office's file names its units under its own property (名称, NAME, 县名): say which it has.
      report(
        `property "${idProperty}" is missing (the feature's properties: ${Object.keys(feature.properties ?? {}).join(', ') || 'none'}; name the one holding the unit with idProperty)`,
      );
    else if (!unitId) report(`"${value}" (property "${idProperty}") is not a known unit id or name`);
    else if (firstFeatureOf.has(unitId))
      report(`unit ${unitId} already has feature ${firstFeatureOf.get(unitId)} in this file`);
    else firstFeatureOf.set(unitId, index);
    const shape = shapeProblems(feature);
    shape.forEach(report);
    if (shape.length > 0) return;
    const original = feature.geometry as Polygonal;
    const geometry =
      crs === 'gcj02' ? mapPositions(original, ([lon, lat]) => gcj02ToWgs84(lon!, lat!)) : original;
    placementProblems(geometry).forEach(report);
    if (unitId && problems.every((problem) => problem.feature !== index)) {
      imported.push({ unitId, source, importedAt, geometry });
      importedReport.push({ feature: index, unitId });
    }
  });
  if (problems.length > 0) return failed(read.features.length, problems);

  // Re-import replaces: a unit's earlier official boundary gives way to the new one.
  const replaced = new Set(imported.map((boundary) => boundary.unitId));
  const next = [...current.filter((boundary) => !replaced.has(boundary.unitId)), ...imported];
  const boundaries = unitBoundaries(next);
  for (const entry of boundaries.entries)
    if (entry.status !== 'pending' && entry.geometry === null)
      problems.push({
        feature: null,
        unitId: entry.unitId,
        problem: `the imported boundaries cover all of ${entry.unitId}, leaving it no area`,
      });
  if (problems.length > 0) return failed(read.features.length, problems);
  return {
    ok: true,
    next,
    boundaries,
    report: { features: read.features.length, imported: importedReport, problems: [] },
  };
}
