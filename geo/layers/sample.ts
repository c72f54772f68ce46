import type { z } from 'zod';
import type { Jurisdiction } from '../../shared/units/schema';
import iliZones from '../data/sample-layers/ili-diesel-zones.json' with { type: 'json' };
import iliDust from '../data/sample-layers/ili-dust-sources.json' with { type: 'json' };
import iliEnterprises from '../data/sample-layers/ili-enterprises.json' with { type: 'json' };
import kizilsuZones from '../data/sample-layers/kizilsu-diesel-zones.json' with { type: 'json' };
import kizilsuDust from '../data/sample-layers/kizilsu-dust-sources.json' with { type: 'json' };
import kizilsuEnterprises from '../data/sample-layers/kizilsu-enterprises.json' with { type: 'json' };
import { type LayerKind, type LayerRecord, layerRecordSchemas } from './kinds';
import { sampleLayerFileSchema } from './sample-file';

const files: Record<Jurisdiction, Record<LayerKind, unknown>> = {
  ili: { enterprise: iliEnterprises, 'diesel-zone': iliZones, 'dust-source': iliDust },
  kizilsu: { enterprise: kizilsuEnterprises, 'diesel-zone': kizilsuZones, 'dust-source': kizilsuDust },
};

/** The bundled synthetic layer of a prefecture, parsed: every record is flagged `synthetic: true`. */
export function sampleLayer<Kind extends LayerKind>(
  jurisdiction: Jurisdiction,
  kind: Kind,
): { label: string; records: LayerRecord<Kind>[] } {
  const file = sampleLayerFileSchema.parse(files[jurisdiction][kind]);
  const schema = layerRecordSchemas[kind] as unknown as z.ZodType<LayerRecord<Kind>>;
  return { label: file.label, records: file.records.map((record) => schema.parse(record)) };
}
