// Reading one source row's fields: each reader returns the value or records a RowError naming the
// column, so a row reports every problem at once.
import { COUNTRIES } from '../export/countries.js';
import type { RowError } from './types.js';

export class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    readonly line: number,
    private readonly get: (field: string) => string | undefined,
  ) {}

  fail(field: string, reason: string): undefined {
    this.errors.push({ line: this.line, field, reason });
    return undefined;
  }

  text(field: string): string {
    return (this.get(field) ?? '').trim();
  }

  required(field: string): string | undefined {
    const v = this.text(field);
    return v === '' ? this.fail(field, 'is empty') : v;
  }

  number(field: string, min: number, max: number, optional = false): number | undefined {
    const v = this.text(field);
    if (v === '') return optional ? undefined : this.fail(field, 'is empty');
    const n = Number(v);
    if (!Number.isFinite(n)) return this.fail(field, `"${v.slice(0, 40)}" is not a number`);
    if (n < min || n > max) return this.fail(field, `${n} is outside ${min}..${max}`);
    return n;
  }

  /** YYYY-MM-DD, a timestamp starting with it, or ACLED's "15 January 2023". */
  date(field: string): string | undefined {
    const v = this.text(field);
    if (v === '') return this.fail(field, 'is empty');
    let iso: string | undefined;
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(v);
    if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
    else {
      const w = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(v);
      const month = w ? MONTHS.indexOf(w[2]!.slice(0, 3).toLowerCase()) : -1;
      if (w && month >= 0)
        iso = `${w[3]}-${String(month + 1).padStart(2, '0')}-${w[1]!.padStart(2, '0')}`;
    }
    if (
      !iso ||
      Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
      new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
    )
      return this.fail(
        field,
        `"${v.slice(0, 40)}" is not a date (YYYY-MM-DD or "15 January 2023")`,
      );
    return iso;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** ISO 3166-1 alpha-2 from a name, alpha-3, numeric code or alpha-2, by the export's table. */
export function countryCode(...candidates: (string | undefined)[]): string | undefined {
  for (const raw of candidates) {
    const c = (raw ?? '').trim();
    if (c === '') continue;
    for (const [alpha2, info] of Object.entries(COUNTRIES)) {
      if (
        c.toUpperCase() === alpha2 ||
        c.toUpperCase() === info.alpha3 ||
        c === String(info.numeric) ||
        c.toLowerCase() === info.name.toLowerCase()
      )
        return alpha2;
    }
  }
  return undefined;
}

/** A title of at most 200 characters, cut at a word with an ellipsis. */
export function titleOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 200) return t;
  const cut = t.slice(0, 199);
  const space = cut.lastIndexOf(' ');
  return `${(space > 120 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
