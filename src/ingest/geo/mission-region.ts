// The gazetteer a mission codes news with: the world, with the mission's countries as the prior
// among same-named places, its boundaries as the lines "the border" means and its crossing sites as
// places. With no mission (null), the world with no prior.
import type { MissionDoc } from '../../core/records/mission.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { NO_REGION, regionFromMission, type CodingRegion } from './region.js';

export type MissionRegionSource = Pick<MissionDoc, 'region' | 'boundaries' | 'crossings'>;

export function regionOfMission(doc: MissionRegionSource | null | undefined): CodingRegion {
  if (!doc) return NO_REGION;
  const world = loadGazetteer();
  return regionFromMission(doc, (id) => world.numericToAlpha2(id));
}

export function codingGazetteer(doc: MissionRegionSource | null | undefined): Gazetteer {
  return loadGazetteer({ region: regionOfMission(doc) });
}
