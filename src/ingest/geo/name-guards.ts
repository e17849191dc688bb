// Two readings of a capitalised name that the gazetteer would take for a place, and should not:
// - "the terrorist Hassan Muhammad Hammoudi": a GeoNames town run on into two more capitalised words,
//   not introduced as a place, is the first name of a person;
// - "a drone strike on a car in Kunin, south Lebanon": a town the text puts in a country by
//   apposition is in that country; a namesake elsewhere ("Konin", Poland, by a loose spelling) is not
//   it, whatever its population.
import type { Gazetteer, Place } from './gazetteer.js';
import { foldName } from '../text/fold.js';

const TWO_MORE_NAMES = /^[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+/u;

export function startsPersonName(
  places: readonly Place[],
  after: string,
  locative: boolean,
): boolean {
  return (
    !locative &&
    places.length > 0 &&
    places.every((p) => (p.kind === 'town' || p.kind === 'district') && p.rank >= 5) &&
    TWO_MORE_NAMES.test(after)
  );
}

const APPOSITION =
  /^,\s*(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?west(?:ern)?|north-?east(?:ern)?|south-?west(?:ern)?|south-?east(?:ern)?)\s+)?(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)/u;

/** The country a name is put in by apposition ("Kunin, south Lebanon"), or null. */
export function appositionCountry(after: string, gazetteer: Gazetteer): string | null {
  const m = APPOSITION.exec(after);
  if (!m?.[1]) return null;
  const c = gazetteer.lookup(foldName(m[1])).find((p) => p.kind === 'country');
  return c?.country ?? null;
}
