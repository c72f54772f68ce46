import { z } from 'zod';
import { jurisdictionSchema } from '../../shared/units/schema';
import { type LayerKind, layerKindSchema } from './kinds';

/** The label every synthetic layer carries to the screen and into exports. */
export const syntheticLabel = '示例数据（合成）/ Synthetic sample data';

/** A sample layer file: the records plus the collection-level label and where they came from. */
export const sampleLayerFileSchema = z.object({
  label: z.literal(syntheticLabel),
  synthetic: z.literal(true),
  kind: layerKindSchema,
  jurisdiction: jurisdictionSchema,
  generator: z.string(),
  records: z.array(z.unknown()),
});
export type SampleLayerFile = z.infer<typeof sampleLayerFileSchema>;

export const sampleFileNames: Record<LayerKind, string> = {
  enterprise: 'enterprises',
  'diesel-zone': 'diesel-zones',
  'dust-source': 'dust-sources',
};
