import { z } from 'zod';
import { type DieselZone, dieselZoneSchema } from './diesel-zone';
import { type DustSource, dustSourceSchema } from './dust-source';
import { type Enterprise, enterpriseSchema } from './enterprise';

export const layerKinds = ['enterprise', 'diesel-zone', 'dust-source'] as const;
export const layerKindSchema = z.enum(layerKinds);
export type LayerKind = z.infer<typeof layerKindSchema>;

export interface LayerRecords {
  enterprise: Enterprise;
  'diesel-zone': DieselZone;
  'dust-source': DustSource;
}
export type LayerRecord<Kind extends LayerKind> = LayerRecords[Kind];

export const layerRecordSchemas = {
  enterprise: enterpriseSchema,
  'diesel-zone': dieselZoneSchema,
  'dust-source': dustSourceSchema,
} as const;
