import type { Enterprise } from '../../../geo/layers/enterprise';
import { geojsonRows } from '../../../geo/layers/import/geojson';
import { parseRows } from '../../../geo/layers/import/rows';
import type { Jurisdiction } from '../../../shared/units/schema';
import { getJson } from './api';

export type EnterpriseLayer = {
  enterprises: Enterprise[];
  label: string | null;
  source: string;
  version: number;
};

/**
 * The emission-reduction list of a prefecture (GET /api/layers/enterprise), read back into records with the
 * import's own parser: the layer's properties are named as the import columns.
 */
export async function loadEnterprises(jurisdiction: Jurisdiction): Promise<EnterpriseLayer> {
  const layer = await getJson<{ geojson: { label?: string | null }; source: string; version: number }>(
    `/api/layers/enterprise?jurisdiction=${jurisdiction}`,
  );
  const { rows } = geojsonRows('enterprise', JSON.stringify(layer.geojson));
  const parsed = parseRows('enterprise', rows);
  return {
    enterprises: parsed.records.map((entry) => entry.record as Enterprise),
    label: layer.geojson.label ?? null,
    source: layer.source,
    version: layer.version,
  };
}
