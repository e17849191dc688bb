// Folding for name matching: GeoNames writes "Spīn Bōldak" and "Kandahār", news writes
// "Spin Boldak", "Kandahar", "Türkiye" and "Turkiye". NFD + dropping combining marks handles most;
// the rest are letters with no decomposition or ayn/hamza marks GeoNames uses in Pashto/Dari names.
const EXTRA: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};
const DROP = /[\u0300-\u036f\u02bb\u02bc\u02be\u02bf\u2018\u2019'`´‘’]/g;

/** Lower-case, diacritic-free, hyphens and dashes as spaces, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(DROP, '')
    .toLowerCase()
    .replace(/[ıłøßæœđðþ]/g, (c) => EXTRA[c] ?? c)
    .replace(/[\u2010-\u2015\-_/.,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Typographic normalisation of article text that keeps every character offset unchanged. */
export function normalizeSameLength(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2011/g, '-');
}

/**
 * A looser key for transliterations of Pashto, Dari and Urdu names: "Qila"/"Killa", "Nushki"/"Noshki",
 * "Paktika"/"Paktica", "Khowst"/"Khost", "Shinkay"/"Shinkai" fold together. kh/q/c become k, gh g,
 * o and ou u, e i, a final or consonant-adjacent y i, doubled letters one, and an h closing a syllable
 * ("Kunarh") goes. Used only when the exact folded name is unknown.
 */
export function looseName(folded: string): string {
  return folded
    .replace(/kh|q|c(?!h)/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/ou|ow(?![aeiou])|o/g, 'u')
    .replace(/ee|e/g, 'i')
    .replace(/y(?![aeiou])/g, 'i')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/([aiu])h(?![aiu])/g, '$1');
}
