// The event types that involve the use of force, in a module of its own with no runtime imports,
// so the web page can use the same list without loading the zod schemas of taxonomy.ts.
import type { EventType } from './taxonomy.js';

/** Types that involve the use of force: what a "no cross-border attacks" term is checked against. */
export const VIOLENT_EVENT_TYPES: readonly EventType[] = [
  'armed_clash',
  'airstrike',
  'shelling',
  'ied',
  'suicide_bomb',
  'grenade',
  'attack_on_civilians',
  'abduction',
  'territory_seized',
];
