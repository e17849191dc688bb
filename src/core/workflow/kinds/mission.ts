// `mission` entries: The mission document is log index 0; a later one is refused (no rule-checked
// updates yet).
import type { KindRules } from './context.js';
import { refuse } from '../decision.js';

export const missionRules: KindRules<'mission'> = {
  authors: ['admin'],
  decide(c) {
    const { mission: m } = c;
    // Rule-checked mission updates are not built: refuse rather than log a document no reader
    // applies (issue 9, finding 5).
    return refuse(
      422,
      'mission_once',
      `mission ${m.slug} already has its document at log index 0; to change it, create a new mission`,
    );
  },
};
