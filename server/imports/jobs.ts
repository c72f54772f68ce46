import type { BoundaryFile, BoundaryImportOptions } from '../../geo/boundaries/import/options';
import { type BoundaryImportPlan, planBoundaryImport } from '../../geo/boundaries/import/plan';
import type { OfficialBoundary } from '../../geo/boundaries/registry';
import {
  type LayerFile,
  type LayerImportOptions,
  type LayerImportPlan,
  planLayerImport,
} from '../../geo/layers/import/plan';
import type { LayerKind, LayerRecord } from '../../geo/layers/kinds';

/** What an import worker is asked to plan: geo's pure import functions, run off the main thread. */
export type ImportJob =
  | { kind: 'boundaries'; current: OfficialBoundary[]; file: BoundaryFile; options: BoundaryImportOptions }
  | {
      kind: 'layer';
      layer: LayerKind;
      current: LayerRecord<LayerKind>[];
      file: LayerFile;
      options: LayerImportOptions;
    };

export type ImportPlanOf<Job extends ImportJob> = Job extends { kind: 'boundaries' }
  ? BoundaryImportPlan
  : LayerImportPlan<LayerKind>;

export function runImportJob(job: ImportJob): Promise<BoundaryImportPlan | LayerImportPlan<LayerKind>> {
  return job.kind === 'boundaries'
    ? planBoundaryImport(job.current, job.file, job.options)
    : planLayerImport(job.layer, job.current, job.file, job.options);
}
