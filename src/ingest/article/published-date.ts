// Reads a publication date from the many ways pages write one ("10 Feb 2026",
// "2026-02-10T08:00:00Z", "Tue, 10 Feb 2026 08:00:00 GMT", "Published: February 10, 2026").
import * as chrono from 'chrono-node';

/** YYYY-MM-DD when the string holds one complete date (with a year), else null. */
export function parsePublishedDate(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = withoutSolarHijri(raw).trim();
  if (s.length === 0 || s.length > 120) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // "19-12-2025", "07/05/2026": Pakistani and Afghan papers write the day first; month first only
  // when the second number cannot be a month (12/19/2025).
  const num = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const y = Number(num[3]);
    return b > 12 ? validYmd(y, a, b) : validYmd(y, b, a);
  }
  const results = chrono.parse(s, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' });
  const r = results[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day'))
    return null;
  return validYmd(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
}

/** True when most of a line is a date: such a line is the article's date line, not prose. */
export function isDateLine(line: string): boolean {
  const s = withoutSolarHijri(line)
    .trim()
    .replace(/^(published|updated|posted|last updated|dated?|issued)\s*(on|:)?\s*/i, '')
    .replace(/\s*\|.*$/, '');
  if (s.length === 0 || s.length > 60) return false;
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(s)) return parsePublishedDate(s) !== null;
  const r = chrono.parse(s, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' })[0];
  if (!r || !r.start.isCertain('year')) return false;
  return r.text.length >= s.replace(/\s+(PKT|GMT|UTC|IST|AFT)$/i, '').length * 0.6;
}

// Afghan outlets print the Solar Hijri date beside the Gregorian one ("1404/08/21 - 12 November
// 2025"); chrono-node would read "08/21" as 21 August.
const SOLAR_HIJRI = /\b1[34]\d{2}[/-]\d{1,2}[/-]\d{1,2}\b\s*[-–|,]?\s*/g;

function withoutSolarHijri(s: string): string {
  return s.replace(SOLAR_HIJRI, '');
}

export function toYmd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return toYmd(date);
}
