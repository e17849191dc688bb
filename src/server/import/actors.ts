// Source actors to report actors: ACLED inter codes kept (1-8; 0 or empty means none), a mission
// party's forces recognised by name (state forces named after the party, as the export does in
// src/server/export/actors.ts), so an export of the import charges the same side.
import type { Actor, InterCode } from '../../core/taxonomy.js';
import type { ImportParty } from './types.js';

export function actorOf(
  name: string,
  inter: number,
  parties: readonly ImportParty[],
): Actor | undefined {
  const n = name.trim().slice(0, 200);
  if (n === '' || !Number.isInteger(inter) || inter < 1 || inter > 8) return undefined;
  const party =
    inter === 1 ? parties.find((p) => n.toLowerCase().includes(p.name.toLowerCase())) : undefined;
  return { name: n, inter: inter as InterCode, ...(party ? { party: party.code } : {}) };
}

/** "A; B" lists (ACLED's assoc_actor columns). */
export function splitActors(list: string): string[] {
  return list
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
