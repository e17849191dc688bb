// What people fear, risk or try to prevent is no event: "citing concerns about retaliation from the
// RSF", "for fear of reprisals", "to prevent a wider war", "living in shelters to escape heavy shelling".
import type { SkipRule } from './skip-rule.js';

const FEARED =
  /\b(?:concerns? (?:about|over|of)|fears? (?:of|about|over)|for fear of|fearing|afraid of|risk of|danger of|threat of|spectre of|specter of|to (?:prevent|avoid|deter|forestall|escape|flee)|preventing|avoiding|escaping|fleeing from)\s+(?:(?:a|an|the|further|more|new|possible|any|wider|renewed|fresh)\s+)*(?:[\w-]+\s+)?$/i;

export const feared: SkipRule = {
  name: 'feared',
  stage: 'trigger',
  skips: (ctx) =>
    FEARED.test(ctx.clause.text.slice(Math.max(0, ctx.trig.start - 60), ctx.trig.start)),
};
