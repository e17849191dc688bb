// "where India Today TV went to report the aftermath of the Pakistani shelling", "in the aftermath of
// the attack": an aftermath is always of an event already named (or background), never a new one —
// whatever places the clause names for the reporting.
import type { SkipRule } from './skip-rule.js';

const AFTERMATH_OF =
  /\baftermath of\s+(?:the\s+|this\s+|that\s+|last\s+\w+'s\s+)?(?:[\w'’-]+\s+){0,2}$/i;

export const aftermath: SkipRule = {
  name: 'aftermath',
  stage: 'trigger',
  skips: (ctx) => AFTERMATH_OF.test(ctx.sentence.text.slice(Math.max(0, ctx.at - 50), ctx.at)),
};
