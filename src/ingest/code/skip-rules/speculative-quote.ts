// A quote about what might happen is no event: '"We hope to stop immediately the fighting that has
// caused displacement," Hun Manet said', '"Let them not start a war and we shall not go to war"'.
// A quote that reports what happened ("They shelled our village at dawn") still codes.
import type { SkipRule } from './skip-rule.js';

const QUOTES = /["“”]/g;
const SPECULATION =
  /\b(?:hope[sd]?|would|could|might|may|will|shall|want|wish|if|unless|vow(?:ed|s)?|warn(?:ed|s)?|threat(?:en(?:ed|s)?)?|aim(?:s|ed)? to|prevent|stop|avoid|risk)\b/i;

/** The quoted passage of the sentence that holds the offset, or null. */
export function quoteAround(text: string, at: number): string | null {
  const marks = [...text.matchAll(QUOTES)].map((m) => m.index);
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const open = marks[i] ?? 0;
    const close = marks[i + 1] ?? 0;
    if (open < at && at < close) return text.slice(open + 1, close);
  }
  return null;
}

export const speculativeQuote: SkipRule = {
  name: 'speculative-quote',
  stage: 'trigger',
  skips(ctx) {
    const quote = quoteAround(ctx.sentence.text, ctx.at);
    return quote !== null && SPECULATION.test(quote);
  },
};
