// CSV per RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double
// quote, CR or LF is enclosed in double quotes, with each double quote doubled. Text cells that a
// spreadsheet would read as a formula (leading =, +, -, @, TAB or CR; OWASP "CSV Injection") get a
// leading apostrophe, so an exported report never runs in the reader's spreadsheet. Numbers are
// written as numbers (a negative longitude stays -33.5).

export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell, formula-safe and quoted when needed. Attacker-controlled text is expected here. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvText(value);
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvDocument(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvRow).join('');
}
