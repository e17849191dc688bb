// Loads mission documents (files or store) and builds their public view: the document without its
// demo users, with boundary geometry resolved and the log's origin, prefix and verifier key.
import { readFileSync } from 'node:fs';
import type { MultiLineString } from 'geojson';
import { describeIssues } from '../core/envelope.js';
import { MissionDocSchema, type MissionDoc } from '../core/records/mission.js';
import { resolveBoundary } from './boundary.js';

/** Reads and validates a mission file; the error names the file, the field and the problem. */
export function loadMissionFile(path: string): MissionDoc {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(
      `couldn't read mission file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`couldn't parse mission file ${path}: ${(err as Error).message}`);
  }
  const parsed = MissionDocSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`invalid mission file ${path}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export interface LogInfo {
  origin: string;
  prefix: string;
  vkey: string | null;
}

export type PublicMission = Omit<MissionDoc, 'demoUsers' | 'boundaries'> & {
  boundaries: (MissionDoc['boundaries'][number] & { geometry: MultiLineString })[];
  log: LogInfo;
};

export function publicMission(doc: MissionDoc, log: LogInfo): PublicMission {
  const { demoUsers: _demoUsers, boundaries, ...rest } = doc;
  return {
    ...rest,
    boundaries: boundaries.map((b) => ({ ...b, geometry: resolveBoundary(b.source) })),
    log,
  };
}

/**
 * The log origin of a mission (c2sp.org/tlog-checkpoint: a schema-less URL): `<hostname>/<slug>`.
 * The port is left out so the origin, fixed for the log's lifetime, survives a change of port.
 */
export function logOrigin(publicUrl: string, slug: string): string {
  return `${new URL(publicUrl).hostname}/${slug}`;
}
