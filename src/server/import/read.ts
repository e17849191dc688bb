// Reading an import file row by row: CSV through csv-parse (RFC 4180, multi-line quoted fields,
// a BOM dropped; the header names the columns, in any order), GeoJSON as one FeatureCollection.
// The format is named (--format) or recognised from the header: ACLED's event_id_cnty, UCDP GED's
// id/type_of_violence/dyad_name. An HXL hashtag row under the header (HDX files) is skipped.
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { ACLED_REQUIRED, acledRow } from './acled.js';
import { geoJsonFeature } from './geojson.js';
import { UCDP_REQUIRED, ucdpRow } from './ucdp.js';
import type { ImportContext, RowResult } from './types.js';

export const IMPORT_FORMATS = ['acled', 'ucdp', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const CSV_FORMATS = {
  acled: { required: ACLED_REQUIRED, row: acledRow, name: 'ACLED CSV' },
  ucdp: { required: UCDP_REQUIRED, row: ucdpRow, name: 'UCDP GED CSV' },
} as const;

/** The CSV format a header belongs to, or undefined. */
export function csvFormatOf(header: readonly string[]): 'acled' | 'ucdp' | undefined {
  const has = (c: string) => header.includes(c);
  if (has('event_id_cnty')) return 'acled';
  if (has('type_of_violence') && has('dyad_name')) return 'ucdp';
  return undefined;
}

export class ImportFileError extends Error {}

/** Every row's result, in file order; throws ImportFileError when the file as a whole is unusable. */
export async function* readImportFile(
  path: string,
  format: ImportFormat | undefined,
  ctx: ImportContext,
): AsyncGenerator<RowResult> {
  if (format === 'geojson' || (!format && /\.(geo)?json$/i.test(path))) {
    let doc: { type?: unknown; features?: unknown };
    try {
      doc = JSON.parse(readFileSync(path, 'utf8')) as typeof doc;
    } catch (err) {
      throw new ImportFileError(`couldn't read ${path} as GeoJSON: ${(err as Error).message}`);
    }
    if (doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
      throw new ImportFileError(
        `couldn't import ${path}: it is not a GeoJSON FeatureCollection (RFC 7946 §3.3)`,
      );
    let i = 0;
    for (const f of doc.features as unknown[]) yield geoJsonFeature(++i, f, ctx);
    return;
  }
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | undefined;
  let spec: (typeof CSV_FORMATS)[keyof typeof CSV_FORMATS] | undefined;
  let index: Map<string, number> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const kind = format ?? csvFormatOf(header);
        if (!kind || !(kind in CSV_FORMATS))
          throw new ImportFileError(
            `couldn't import ${path}: its header is neither ACLED's (event_id_cnty, …) nor UCDP GED's (id, type_of_violence, dyad_name, …); name one with --format acled|ucdp|geojson`,
          );
        spec = CSV_FORMATS[kind as keyof typeof CSV_FORMATS];
        const missing = spec.required.filter((c) => !header!.includes(c));
        if (missing.length)
          throw new ImportFileError(
            `couldn't import ${path} as ${spec.name}: the header lacks ${missing.join(', ')}`,
          );
        index = new Map(header.map((h, i) => [h, i]));
        continue;
      }
      if (record[0]?.startsWith('#') && record.every((c) => c === '' || c.startsWith('#')))
        continue;
      // info.lines is the line the record ends on; a multi-line record is reported by its end.
      yield spec!.row(
        info.lines,
        (f) => {
          const i = index!.get(f);
          return i === undefined ? undefined : record[i];
        },
        ctx,
      );
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(`couldn't read ${path} as CSV: ${(err as Error).message}`);
  }
  if (!header) throw new ImportFileError(`couldn't import ${path}: the file is empty`);
}
