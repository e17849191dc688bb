// The export formats as streams: each writes a head, then one piece per row, then a tail, so an
// export of any length is written page by page in constant memory (one page of rows at a time).
// One small module per format, checked by the compiler through ExportFormat.
import { ACLED_COLUMNS, acledRecord } from './acled.js';
import { csvRow } from './csv.js';
import { incidentFeature } from './geojson.js';
import { HXL_COLUMNS, hxlRecord } from './hxl.js';
import type { ExportOptions, ExportRow } from './row.js';

export interface ExportFormat {
  /** The file name's ending after the mission's name: `<slug>-incidents.<extension>`. */
  extension: string;
  contentType: string;
  /** Whether rows need their actors and accused parties (the CSV formats' actor columns). */
  needsActors: boolean;
  head(options: ExportOptions): string;
  /** One row; `first` is true for the first row of the export (GeoJSON puts commas between). */
  row(row: ExportRow, options: ExportOptions, first: boolean): string;
  tail(options: ExportOptions): string;
}

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export const acledCsv: ExportFormat = {
  extension: 'csv',
  contentType: CSV_TYPE,
  needsActors: true,
  head: () => csvRow(ACLED_COLUMNS),
  row: (row, options) => csvRow(acledRecord(row, options)),
  tail: () => '',
};

/** HXL 1.1: the human header row, then the hashtag row, then the data. */
export const hxlCsv: ExportFormat = {
  extension: 'hxl.csv',
  contentType: CSV_TYPE,
  needsActors: true,
  head: () => csvRow(HXL_COLUMNS.map((c) => c.header)) + csvRow(HXL_COLUMNS.map((c) => c.tag)),
  row: (row, options) => csvRow(hxlRecord(row, options)),
  tail: () => '',
};

/** RFC 7946 FeatureCollection, written as text around the features so it never sits in memory. */
export const geoJson: ExportFormat = {
  extension: 'geojson',
  contentType: 'application/geo+json',
  needsActors: false,
  head: () => '{"type":"FeatureCollection","features":[\n',
  row: (row, _options, first) => (first ? '' : ',\n') + JSON.stringify(incidentFeature(row)),
  tail: () => '\n]}\n',
};

/** JSON lines (jsonlines.org): one incident row per line, as the list API gives it. */
export const jsonLines: ExportFormat = {
  extension: 'jsonl',
  contentType: 'application/jsonl; charset=utf-8',
  needsActors: true,
  head: () => '',
  row: (row) => JSON.stringify(row) + '\n',
  tail: () => '',
};

export const EXPORT_FORMATS = { acled: acledCsv, hxl: hxlCsv, geojson: geoJson, jsonl: jsonLines };
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/**
 * The export's text, chunk by chunk: `pages` yields the rows a page at a time (keyset pages of the
 * incident list), and each page becomes one chunk.
 */
export async function* exportChunks(
  format: ExportFormat,
  pages: AsyncIterable<readonly ExportRow[]>,
  options: ExportOptions,
): AsyncGenerator<string> {
  yield format.head(options);
  let first = true;
  for await (const page of pages) {
    let chunk = '';
    for (const row of page) {
      chunk += format.row(row, options, first);
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield format.tail(options);
}
