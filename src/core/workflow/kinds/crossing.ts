// `crossing` entries: A crossing status report (official when filed by the roles the mission
// names).
import type { KindRules } from './context.js';
import { refuse } from '../decision.js';

export const crossingRules: KindRules<'crossing'> = {
  authors: ['party', 'monitor', 'analyst'],
  decide(c) {
    const { mission: m } = c;
    const b = c.body;

    if (!m.crossings.some((c) => c.id === b.crossing))
      return refuse(422, 'crossing_known', `no crossing ${b.crossing}`);
    return { ok: true };
  },
};
