// Builds the world gazetteer's compact index (src/ingest/geo/world-index.ts) beside the compiled
// code, dist/ingest/data/world-gazetteer.json, so an installed truceline loads it instead of the
// 32 MB GeoNames dump. Runs after `tsc` in `npm run build`; running from source builds the same
// index on first use into node_modules/.cache instead.
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
let mod;
try {
  mod = await import('../dist/ingest/geo/world-index.js');
} catch (err) {
  console.error(`build-gazetteer: run tsc first (npm run build:ts): ${err.message}`);
  process.exit(1);
}
const index = mod.buildWorldIndex();
const path = mod.bundledIndexPath();
mod.writeWorldIndex(index, path);
console.log(
  `build-gazetteer: ${index.places.length / mod.ROW} places, ${index.lines.length} border lines -> ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
