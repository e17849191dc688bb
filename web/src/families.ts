// Event families: the ACLED event_type of each Truceline event type (src/core/taxonomy.ts
// EVENT_TYPES[type].acled[0]), repeated here so the page does not load zod; a test checks the two
// agree. Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
// stays distinguishable under the common colour-vision deficiencies; each is paired with its name
// in the legend and the list, so colour is never the only carrier.
export const FAMILIES = [
  'battles',
  'explosions',
  'civilians',
  'protests',
  'riots',
  'strategic',
] as const;
export type Family = (typeof FAMILIES)[number];

/** The ACLED event_type each family stands for. */
export const ACLED_FAMILY: Record<string, Family> = {
  Battles: 'battles',
  'Explosions/Remote violence': 'explosions',
  'Violence against civilians': 'civilians',
  Protests: 'protests',
  Riots: 'riots',
  'Strategic developments': 'strategic',
};

const FAMILY_OF_TYPE: Record<string, Family> = {
  armed_clash: 'battles',
  territory_seized: 'battles',
  airstrike: 'explosions',
  shelling: 'explosions',
  ied: 'explosions',
  suicide_bomb: 'explosions',
  grenade: 'explosions',
  attack_on_civilians: 'civilians',
  abduction: 'civilians',
  protest: 'protests',
  riot: 'riots',
};

/** Everything not listed above is a strategic development in ACLED's coding. */
export const familyOf = (type: string): Family => FAMILY_OF_TYPE[type] ?? 'strategic';

export const FAMILY_COLORS: Record<Family, string> = {
  battles: '#d55e00', // vermillion
  explosions: '#e69f00', // orange
  civilians: '#cc79a7', // reddish purple
  protests: '#f0e442', // yellow
  riots: '#009e73', // bluish green
  strategic: '#56b4e9', // sky blue
};

/** Crossing statuses (src/core/records/crossing.ts CROSSING_STATUSES) and "none reported". */
export const CROSSING_STATES = [
  'open',
  'partial',
  'pedestrians_only',
  'refugees_only',
  'closed',
  'unknown',
] as const;
export type CrossingState = (typeof CROSSING_STATES)[number];

/** Open, restricted or closed, in Okabe–Ito colours; the marker's shape says it too (style.css). */
export const CROSSING_COLORS: Record<CrossingState, string> = {
  open: '#009e73',
  partial: '#f0e442',
  pedestrians_only: '#f0e442',
  refugees_only: '#f0e442',
  closed: '#d55e00',
  unknown: '#a9b6c6',
};

export const crossingState = (status: string | null | undefined): CrossingState =>
  (CROSSING_STATES as readonly string[]).includes(status ?? '')
    ? (status as CrossingState)
    : 'unknown';
