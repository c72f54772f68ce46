/**
 * Writes the synthetic sample layers of both prefectures to geo/data/sample-layers/ (run with
 * `npx tsx geo/scripts/generate-sample-layers.ts`). Seeded, so a rerun gives the same files unless the
 * boundaries or the generator changed. Every record and every file is labelled synthetic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jurisdictionSchema } from '../../shared/units/schema';
import { layerKinds } from '../layers/kinds';
import { type SampleLayerFile, sampleFileNames, syntheticLabel } from '../layers/sample-file';
import { generateSampleLayers } from '../layers/samples/generate';

const seeds = { ili: 4_040_654, kizilsu: 24016 } as const;
const directory = resolve(import.meta.dirname, '../data/sample-layers');
mkdirSync(directory, { recursive: true });

for (const jurisdiction of jurisdictionSchema.options) {
  const layers = generateSampleLayers(jurisdiction, seeds[jurisdiction]);
  for (const kind of layerKinds) {
    const file: SampleLayerFile = {
      label: syntheticLabel,
      synthetic: true,
      kind,
      jurisdiction,
      generator: `geo/scripts/generate-sample-layers.ts, seed ${seeds[jurisdiction]}`,
      records: layers[kind],
    };
    const path = join(directory, `${jurisdiction}-${sampleFileNames[kind]}.json`);
    writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`);
    console.log(`${path}: ${layers[kind].length} records`);
  }
}
