import { type LayerKind, type LayerRecord, layerRecordSchemas } from '../../geo/layers/kinds';
import { sampleLayer } from '../../geo/layers/sample';
import type { Jurisdiction } from '../../shared/units/schema';
import type { Store } from '../store/types';

export type CurrentLayer<Kind extends LayerKind> = {
  records: LayerRecord<Kind>[];
  /** 0 = the bundled synthetic sample; 1, 2, … = the office's imports. */
  version: number;
  source: 'sample' | 'imported';
  updatedAt: number | null;
};

export function layerDocumentKind(jurisdiction: Jurisdiction, kind: LayerKind): string {
  return `layer:${jurisdiction}:${kind}`;
}

/** The newest imported version of a prefecture's layer, or the bundled synthetic sample before any import. */
export function currentLayer<Kind extends LayerKind>(
  store: Store,
  jurisdiction: Jurisdiction,
  kind: Kind,
): CurrentLayer<Kind> {
  const document = store.latestDocument(layerDocumentKind(jurisdiction, kind));
  if (!document)
    return {
      records: sampleLayer(jurisdiction, kind).records,
      version: 0,
      source: 'sample',
      updatedAt: null,
    };
  const schema = layerRecordSchemas[kind];
  const records = (document.body as unknown[]).map((record) => schema.parse(record) as LayerRecord<Kind>);
  return { records, version: document.version, source: 'imported', updatedAt: document.at };
}
