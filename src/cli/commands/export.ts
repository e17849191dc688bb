// `truceline export`: the mission's incidents as a file, through the export routes, so the filters
// and what the caller may read are exactly the API's (src/server/routes/exports.ts). The answer is
// streamed to disk (any length, constant memory) and renamed into place only when complete.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { answerError, connect, type ConnectionOptions } from '../connection.js';

/** Format name → the route's file ending. */
export const EXPORT_ENDINGS = {
  acled: 'csv',
  hxl: 'hxl.csv',
  geojson: 'geojson',
  jsonl: 'jsonl',
} as const;

/** The list filters the API takes (src/server/routes/incidents.ts IncidentQuerySchema). */
const FILTERS = ['from', 'to', 'type', 'party', 'status', 'bbox', 'q'] as const;

interface ExportOptions extends ConnectionOptions {
  mission?: string;
  format: string;
  out?: string;
  since?: string;
  from?: string;
  to?: string;
  type?: string;
  party?: string;
  status?: string;
  bbox?: string;
  q?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("export a mission's incidents (the caller's view, filtered) as a file")
    .option('--server <url>', 'the server (default: the credentials file names it)')
    .option(
      '--credentials <file>',
      'a credentials file (without one: TRUCELINE_TOKEN, or the public)',
    )
    .option('--as <user>', 'the user of the credentials file to export as')
    .option('--mission <slug>', 'the mission (default: the credentials file names it)')
    .option('--format <name>', `one of ${Object.keys(EXPORT_ENDINGS).join(', ')}`, 'acled')
    .option('-o, --out <file>', 'the file to write (default: stdout)')
    .option('--since <index>', 'the incremental feed: changes after this log index (jsonl only)')
    .option('--from <date>', 'first date, YYYY-MM-DD')
    .option('--to <date>', 'last date, YYYY-MM-DD')
    .option('--type <types>', 'event types, comma-separated')
    .option('--party <code>', 'an organisation involved')
    .option('--status <states>', 'workflow states, comma-separated')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--q <words>', 'full-text search words')
    .action(async (opts: ExportOptions) => {
      const ending = (EXPORT_ENDINGS as Record<string, string>)[opts.format];
      if (!ending)
        throw new Error(
          `unknown --format "${opts.format}": use one of ${Object.keys(EXPORT_ENDINGS).join(', ')}`,
        );
      const c = connect('export', opts);
      const mission = opts.mission ?? c.mission;
      if (!mission) throw new Error('export needs --mission SLUG');
      const query = new URLSearchParams();
      for (const f of FILTERS) if (opts[f] !== undefined) query.set(f, opts[f]);
      if (opts.since !== undefined) query.set('since', opts.since);
      const url = `${c.server}/api/v1/missions/${encodeURIComponent(mission)}/incidents.${ending}${query.size ? `?${query}` : ''}`;
      let res: Response;
      try {
        res = await fetch(url, { headers: c.token ? { authorization: `Bearer ${c.token}` } : {} });
      } catch (err) {
        throw new Error(`couldn't reach ${c.server}: ${(err as Error).message}`);
      }
      if (res.status !== 200 || !res.body)
        throw new Error(`couldn't export: ${await answerError(res)}`);
      const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
      if (!opts.out) {
        await pipeline(body, process.stdout);
        return;
      }
      const partial = `${opts.out}.partial`;
      try {
        await pipeline(body, createWriteStream(partial));
        renameSync(partial, opts.out);
      } catch (err) {
        rmSync(partial, { force: true });
        throw new Error(`couldn't write ${opts.out}: ${(err as Error).message}`);
      }
    });
}
