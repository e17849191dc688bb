// Resolves a mission's boundary lines from an offline atlas (an installed npm package) into GeoJSON,
// so mission files name their source instead of copying map data.
import { createRequire } from 'node:module';
import { mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MultiLineString } from 'geojson';
import type { MissionDoc } from '../core/records/mission.js';

const require = createRequire(import.meta.url);

type BoundarySource = MissionDoc['boundaries'][number]['source'];

export function resolveBoundary(source: BoundarySource): MultiLineString {
  let topology: Topology;
  try {
    topology = require(source.atlas) as Topology;
  } catch (cause) {
    throw new Error(`couldn't load atlas ${source.atlas}: is its npm package installed?`, {
      cause,
    });
  }
  const object = topology.objects[source.object] as GeometryCollection | undefined;
  if (!object) throw new Error(`couldn't find object "${source.object}" in ${source.atlas}`);
  const [a, b] = source.between;
  const line = mesh(
    topology,
    object,
    (x, y) => (x.id === a && y.id === b) || (x.id === b && y.id === a),
  );
  if (line.coordinates.length === 0) {
    throw new Error(`couldn't find a border between ${a} and ${b} in ${source.atlas}`);
  }
  return line;
}
