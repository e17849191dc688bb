// Reads the curated JSON data files that sit beside the code (src/ingest/data). They are plain data
// so analysts can extend them without touching code; a malformed file fails loudly at load.
import { readFileSync } from 'node:fs';
import { IngestError } from '../errors.js';

export function readDataFile(name: string): unknown {
  const url = new URL(`../data/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as unknown;
  } catch (cause) {
    throw new IngestError(
      'bad_data_file',
      `couldn't read data file ${name}: ${(cause as Error).message}`,
      { cause },
    );
  }
}
