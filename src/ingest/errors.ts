// The ingest module's one error type (docs/architecture.md "Conventions"): a fixed code list, a message that
// reads "couldn't X: why", and the underlying cause.
export const INGEST_ERROR_CODES = [
  'input_not_found', // a file, directory or stdin that cannot be read
  'unsupported_input', // a format we cannot recognise
  'bad_feed', // RSS/Atom that does not parse
  'bad_json_line', // a JSON line that does not parse or lacks text/html
  'bad_data_file', // one of our own data files (gazetteer, actors, triggers) is malformed
  'gazetteer_unavailable', // the GeoNames package could not be loaded
  'bad_entry', // a coded article that cannot be made into a valid `article` log entry
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
