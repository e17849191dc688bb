// The event taxonomy shared by reports, incidents, coded news events and exports.
// Each snake_case type maps to one ACLED event_type/sub_event_type pair (ACLED Codebook, 2023 ed.,
// section "Event types and sub-event types"), so exports read like ACLED data.
import { z } from 'zod';

export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;
export interface AcledCode {
  event_type: AcledEventType;
  sub_event_type: string;
}

/** Truceline event types, each with its ACLED pair and a one-line meaning. */
export const EVENT_TYPES = {
  armed_clash: { acled: ['Battles', 'Armed clash'], label: 'Armed clash' },
  airstrike: {
    acled: ['Explosions/Remote violence', 'Air/drone strike'],
    label: 'Air or drone strike',
  },
  shelling: {
    acled: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    label: 'Shelling, artillery or missile attack',
  },
  ied: {
    acled: ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    label: 'IED or landmine',
  },
  suicide_bomb: { acled: ['Explosions/Remote violence', 'Suicide bomb'], label: 'Suicide bombing' },
  grenade: { acled: ['Explosions/Remote violence', 'Grenade'], label: 'Grenade attack' },
  attack_on_civilians: {
    acled: ['Violence against civilians', 'Attack'],
    label: 'Attack on civilians',
  },
  abduction: {
    acled: ['Violence against civilians', 'Abduction/forced disappearance'],
    label: 'Abduction or forced disappearance',
  },
  infiltration: { acled: ['Strategic developments', 'Other'], label: 'Cross-border infiltration' },
  territory_seized: {
    acled: ['Battles', 'Non-state actor overtakes territory'],
    label: 'Post or territory seized',
  },
  ceasefire_agreement: {
    acled: ['Strategic developments', 'Agreement'],
    label: 'Ceasefire or agreement',
  },
  talks: { acled: ['Strategic developments', 'Other'], label: 'Talks or negotiations' },
  border_closure: { acled: ['Strategic developments', 'Other'], label: 'Border crossing closed' },
  border_reopening: {
    acled: ['Strategic developments', 'Other'],
    label: 'Border crossing reopened',
  },
  crossing_restriction: {
    acled: ['Strategic developments', 'Other'],
    label: 'Crossing restricted (partial)',
  },
  displacement: { acled: ['Strategic developments', 'Other'], label: 'Displacement of civilians' },
  refugee_movement: {
    acled: ['Strategic developments', 'Other'],
    label: 'Refugee movement or returns',
  },
  trade_disruption: { acled: ['Strategic developments', 'Other'], label: 'Trade disruption' },
  access_denied: { acled: ['Strategic developments', 'Other'], label: 'Monitors denied access' },
  arrest: { acled: ['Strategic developments', 'Arrests'], label: 'Arrests' },
  property_destruction: {
    acled: ['Strategic developments', 'Looting/property destruction'],
    label: 'Looting or property destruction',
  },
  protest: { acled: ['Protests', 'Peaceful protest'], label: 'Protest' },
  riot: { acled: ['Riots', 'Violent demonstration'], label: 'Riot or violent demonstration' },
  other: { acled: ['Strategic developments', 'Other'], label: 'Other' },
} as const satisfies Record<string, { acled: readonly [AcledEventType, string]; label: string }>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];
export const EventTypeSchema = z.enum(EVENT_TYPE_NAMES);

export { VIOLENT_EVENT_TYPES } from './violent-types.js';

export function acledCode(type: EventType): AcledCode {
  const [event_type, sub_event_type] = EVENT_TYPES[type].acled;
  return { event_type, sub_event_type };
}

/** All Truceline types that export to a given ACLED pair (several map to Strategic developments/Other). */
export function typesForAcled(eventType: string, subEventType: string): EventType[] {
  return EVENT_TYPE_NAMES.filter((t) => {
    const [e, s] = EVENT_TYPES[t].acled;
    return e === eventType && s === subEventType;
  });
}

/**
 * ACLED geo_precision (Codebook, "Geo-precision"): 1 = the named town or a precise spot,
 * 2 = near a town or a part of a region, 3 = only a larger region (district or province) is known.
 */
export const GeoPrecisionSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type GeoPrecision = z.infer<typeof GeoPrecisionSchema>;

/**
 * ACLED time_precision (Codebook, "Time-precision"): 1 = the exact day is known,
 * 2 = only the week (or a span of days), 3 = only the month.
 */
export const TimePrecisionSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TimePrecision = z.infer<typeof TimePrecisionSchema>;

/** ACLED actor inter codes (Codebook, "Interaction codes"). */
export const INTER_CODES = {
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;
export type InterCode = keyof typeof INTER_CODES;
export const InterCodeSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
  z.literal(8),
]);

/** ACLED's "interaction" code: the two actors' inter codes, lower first (e.g. 12, 17). */
export function interaction(a: InterCode, b?: InterCode): number {
  if (b === undefined) return a * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

export const ActorSchema = z.strictObject({
  name: z.string().min(1).max(200),
  inter: InterCodeSchema,
  /** The mission party this actor belongs to, when it is one (e.g. "PK" for the Pakistan Army). */
  party: z.string().min(1).max(16).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Verdicts a finding may reach (docs/architecture.md "Taxonomy"). */
export const VERDICTS = [
  'confirmed',
  'probable',
  'unconfirmed',
  'false_report',
  'inconclusive',
] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * Admiralty (NATO AJP-2.1) grading: source reliability A (completely reliable) … E (unreliable),
 * F (cannot be judged); information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged).
 */
export const SOURCE_RELIABILITY = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const;
export const INFORMATION_CREDIBILITY = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
} as const;
export const AdmiraltyGradeSchema = z
  .string()
  .regex(/^[A-F][1-6]$/, 'an Admiralty grade is a letter A-F then a digit 1-6, e.g. "B2"');
export type AdmiraltyGrade = z.infer<typeof AdmiraltyGradeSchema>;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. "PK"');

export const LocationSchema = z.strictObject({
  name: z.string().min(1).max(200),
  admin1: z.string().max(200).nullable().optional(),
  admin2: z.string().max(200).nullable().optional(),
  country: CountryCodeSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geo_precision: GeoPrecisionSchema,
});
export type Location = z.infer<typeof LocationSchema>;
