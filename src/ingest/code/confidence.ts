// A 0-1 score for how sure the coder is that the event happened as coded. Not a probability: a
// ranking aid for analysts, built from the signals a human coder weighs.
import type { DraftEvent } from './merge.js';

export function confidenceOf(d: DraftEvent): number {
  let c = 0.45;
  if (!d.weak) c += 0.15;
  if (d.location) c += d.location.geo_precision === 1 ? 0.12 : 0.08;
  if (d.locationHow === 'context' || d.locationHow === 'dateline') c -= 0.05;
  if (d.date !== null && d.precision === 1) c += d.dateExplicit ? 0.1 : 0.05;
  if (d.actors.length > 0) c += 0.05;
  if (d.mentions > 1) c += Math.min(0.1, 0.05 * (d.mentions - 1));
  if (d.hedged) c -= 0.15;
  if (d.future) c -= 0.1;
  return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100;
}
