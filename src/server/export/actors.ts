// ACLED's actor columns for one incident (ACLED Codebook, "Actors" and "Interaction codes"):
// actor1 is the side that acted (the initiator / perpetrator), assoc_actor_1 the actors acting with
// it, actor2 and assoc_actor_2 the other side (the target), inter1/inter2 their inter codes, and
// interaction the two codes lower first (or inter1·10 for a one-sided event). Derived from the
// actors of the incident's reports (in filing order) and who the incident is charged to: the
// released finding's attribution, else the party every allegation accuses; an "undetermined"
// finding charges an unidentified armed group. Actor names are
// attacker-controlled text (the CSV writer defuses them).
import { interaction, type InterCode } from '../../core/taxonomy.js';
import { countryInfo } from './countries.js';

export interface ExportActor {
  name: string;
  /** ACLED inter code 1–8. */
  inter: number;
  /** The mission party the actor belongs to (e.g. "PK" for the Pakistan Army), when known. */
  party?: string | undefined;
}

/** A mission party, to recognise its forces and to name them when no report does. */
export interface ExportParty {
  code: string;
  name: string;
}

export interface ActorColumns {
  actor1: string;
  assoc_actor_1: string;
  inter1: InterCode | null;
  actor2: string;
  assoc_actor_2: string;
  inter2: InterCode | null;
  interaction: number | null;
}

export interface ActorInput {
  type: string;
  /** The released finding's attribution (a party code or "undetermined"), if visible. */
  attribution: string | null;
  /** Parties accused by the incident's allegations. */
  accused: readonly string[];
  actors: readonly ExportActor[];
  /** ISO alpha-2 of the incident's location (names the civilians of a one-sided attack). */
  country: string;
  parties: readonly ExportParty[];
}

const isInter = (n: number): n is InterCode => Number.isInteger(n) && n >= 1 && n <= 8;

/** Types whose target ACLED codes as civilians (Violence against civilians; Codebook, inter 7). */
const CIVILIAN_TARGET = new Set(['attack_on_civilians', 'abduction']);

/** An actor is on the party's side when it says so, or is state forces named after the party. */
function onSide(a: ExportActor, party: ExportParty): boolean {
  if (a.party !== undefined) return a.party === party.code;
  return a.inter === 1 && a.name.toLowerCase().includes(party.name.toLowerCase());
}

export function actorColumns(input: ActorInput): ActorColumns {
  // One entry per actor name, first mention first (several reports often name the same actors).
  const seen = new Map<string, ExportActor>();
  for (const a of input.actors) {
    if (!isInter(a.inter)) continue;
    const key = a.name.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, a);
  }
  const actors = [...seen.values()];
  const where = countryInfo(input.country)?.name ?? input.country;
  // A released finding that could not attribute the incident overrides what the allegations
  // claimed: the perpetrator is unknown, ACLED's "Unidentified Armed Group (<country>)" (inter 3),
  // and the accused party's forces are not made the target either.
  const undetermined = input.attribution === 'undetermined';
  const charged = undetermined
    ? undefined
    : (input.attribution ?? (new Set(input.accused).size === 1 ? input.accused[0] : undefined));
  const party = input.parties.find((p) => p.code === charged);
  const accusedParties = input.parties.filter((p) => input.accused.includes(p.code));

  let side1: ExportActor[];
  let others = actors;
  if (undetermined) {
    const named = actors.filter((a) => /^unidentified armed group/i.test(a.name));
    side1 = named.length > 0 ? named : [{ name: `Unidentified Armed Group (${where})`, inter: 3 }];
    others = actors.filter((a) => !accusedParties.some((p) => onSide(a, p)));
  } else if (party) {
    side1 = actors.filter((a) => onSide(a, party));
    // Charged to a party whose forces no report names: ACLED's name for a state's forces.
    if (side1.length === 0) side1 = [{ name: `Military Forces of ${party.name}`, inter: 1 }];
  } else {
    const first = actors[0];
    side1 = first
      ? actors.filter((a) => a === first || (first.party && a.party === first.party))
      : [];
  }
  const side2 = others.filter((a) => !side1.includes(a));
  if (CIVILIAN_TARGET.has(input.type) && side1.length > 0 && !side2.some((a) => a.inter === 7)) {
    side2.unshift({ name: `Civilians (${where})`, inter: 7 });
  }
  const [a1, ...assoc1] = side1;
  const [a2, ...assoc2] = side2;
  const i1 = a1 && isInter(a1.inter) ? a1.inter : null;
  const i2 = a2 && isInter(a2.inter) ? a2.inter : null;
  return {
    actor1: a1?.name ?? '',
    assoc_actor_1: assoc1.map((a) => a.name).join('; '),
    inter1: i1,
    actor2: a2?.name ?? '',
    assoc_actor_2: assoc2.map((a) => a.name).join('; '),
    inter2: i2,
    interaction: i1 === null ? null : interaction(i1, i2 ?? undefined),
  };
}
