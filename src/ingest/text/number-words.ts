// The one table of English number words, for dates ("three days later") and for fatality counts
// ("twenty-one soldiers", "two dozen"). Vague plurals follow the ACLED codebook's conventions:
// "several"/"many" = 10, "dozens" = 12, "scores" = 20, "hundreds" = 100.

/** Each number word and its value; "hundred" and "dozen" multiply what comes before them. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  both: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  couple: 2,
};

/** Vague plurals, valued as ACLED codes them. */
export const VAGUE_COUNTS: Readonly<Record<string, number>> = {
  several: 10,
  many: 10,
  scores: 20,
  dozens: 12,
  hundreds: 100,
  numerous: 10,
};

// Words that count days or weeks in a relative date ("three days later", "a week earlier"): the
// plain cardinals up to thirty, not "no", "both", "single" or the multipliers.
const NOT_A_DAY_COUNT = new Set(['zero', 'no', 'both', 'single', 'hundred', 'dozen', 'couple']);
export const DAY_COUNT_WORDS: readonly string[] = Object.keys(NUMBER_WORDS).filter(
  (w) => !NOT_A_DAY_COUNT.has(w) && (NUMBER_WORDS[w] ?? 0) <= 30,
);

/** The value of a numeral or number phrase ("23", "1,207", "twenty-one", "two dozen"), or null. */
export function parseNumber(raw: string): number | null {
  const s = raw
    .toLowerCase()
    .replace(/\s+of$/, '')
    .trim();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (s in VAGUE_COUNTS) return VAGUE_COUNTS[s] ?? null;
  // "a couple of" arrives here as "a couple" (the "of" is stripped above): two, not one plus two.
  if (s === 'a couple') return 2;
  let current = 0;
  for (const w of s.split(/[- ]+/)) {
    const v = NUMBER_WORDS[w];
    if (v === undefined) return null;
    if (w === 'hundred' || w === 'dozen') current = (current || 1) * v;
    else current += v;
  }
  return current;
}
