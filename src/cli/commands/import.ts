// `truceline import FILE`: ACLED CSV, UCDP GED CSV or GeoJSON rows filed as signed entries by an
// analyst: per row a `report` labelled with its source (the source's event id and the file in
// `sources` and the description) and an `incident` that opens on it. Entry ids are derived from
// the mission and the source's event id (src/server/import/ids.ts), so importing a file again adds
// nothing: the log refuses ids it holds, and those rows count as already imported. A bad row is
// reported (line, field, reason) and never stops the good ones. --dry-run checks without filing.
// Rows go in full batches, several in flight, answered once integrated (import-batches.ts).
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { signerFromNoteKey } from '../../core/signing.js';
import { IMPORT_FORMATS, readImportFile, type ImportFormat } from '../../server/import/read.js';
import type { ImportParty, RowError } from '../../server/import/types.js';
import { answerError, connect, type ConnectionOptions } from '../connection.js';
import {
  ImportPipeline,
  readAfter,
  signRow,
  type RowOutcome,
  type Target,
} from './import-batches.js';

interface Options extends ConnectionOptions {
  mission?: string;
  format?: string;
  dryRun?: boolean;
  errors?: string;
  label?: string;
}

interface Tally {
  rows: number;
  added: number;
  already: number;
  failed: number;
}

async function missionParties(server: string, mission: string): Promise<ImportParty[]> {
  const res = await fetch(`${server}/api/v1/missions/${encodeURIComponent(mission)}`);
  if (res.status !== 200)
    throw new Error(`couldn't read mission ${mission}: ${await answerError(res)}`);
  const doc = (await res.json()) as {
    organisations?: { code: string; name: string; kind: string }[];
  };
  return (doc.organisations ?? [])
    .filter((o) => o.kind === 'party')
    .map((o) => ({ code: o.code, name: o.name }));
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import ACLED CSV, UCDP GED CSV or GeoJSON rows as signed reports by an analyst')
    .argument('<file>', 'the file to import')
    .option('--format <name>', `one of ${IMPORT_FORMATS.join(', ')} (default: from the file)`)
    .option('--server <url>', 'the server (default: the credentials file names it)')
    .option('--credentials <file>', 'a credentials file holding the analyst (token and key file)')
    .option('--as <user>', 'the analyst of the credentials file who signs the entries')
    .option('--mission <slug>', 'the mission (default: the credentials file names it)')
    .option(
      '--label <text>',
      'how the reports name their source (default: the format and file name)',
    )
    .option('--errors <file>', 'write the row errors here as JSON lines (default: stderr)')
    .option('--dry-run', 'check every row and report errors, filing nothing')
    .action(async (file: string, opts: Options) => {
      if (opts.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new Error(
          `unknown --format "${opts.format}": use one of ${IMPORT_FORMATS.join(', ')}`,
        );
      const format = opts.format as ImportFormat | undefined;
      const dry = opts.dryRun === true;
      const c =
        dry && !opts.server && !opts.credentials ? undefined : connect('import', opts, !dry);
      const mission = opts.mission ?? c?.mission;
      if (!dry && !mission) throw new Error('import needs --mission SLUG');
      if (!dry && !c?.user)
        throw new Error(
          'import needs --credentials FILE --as ANALYST (the key that signs the reports)',
        );
      const signer = c?.user
        ? await signerFromNoteKey(readFileSync(c.user.keyFile, 'utf8').trim())
        : undefined;
      const parties = c && mission ? await missionParties(c.server, mission) : [];
      const label = opts.label ?? `${format ?? 'file'} ${basename(file)}`.replace(/^file /, '');
      const errorsOut = opts.errors ? createWriteStream(opts.errors) : undefined;
      const tally: Tally = { rows: 0, added: 0, already: 0, failed: 0 };
      let invalid = 0;
      const report = (e: RowError) => {
        const line = JSON.stringify(e);
        if (errorsOut) errorsOut.write(line + '\n');
        else
          process.stderr.write(`${file}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.reason}\n`);
      };
      const tty = process.stderr.isTTY === true;
      const started = Date.now();
      let lastDraw = 0;
      const draw = (done = false) => {
        if (!tty || (!done && Date.now() - lastDraw < 200)) return;
        lastDraw = Date.now();
        const rate = Math.round(tally.rows / Math.max(0.001, (Date.now() - started) / 1000));
        const filed = tally.added + tally.already;
        const width = 30;
        const fill = tally.rows === 0 ? 0 : Math.round((filed / tally.rows) * width);
        process.stderr.write(
          `\rimport [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${tally.rows} rows, ${tally.added} added, ${tally.already} already there, ${invalid + tally.failed} errors, ${rate} rows/s${done ? '\n' : ''}`,
        );
      };
      const target: Target | undefined = dry
        ? undefined
        : { server: c!.server, token: c!.token!, mission: mission!, signer: signer! };
      const settle = (outcomes: RowOutcome[]) => {
        for (const o of outcomes)
          if (o.filed === false) {
            tally.failed++;
            report({ line: o.row.line, field: '', reason: o.reason });
          } else if (o.filed === 'added') tally.added++;
          else tally.already++;
        draw();
      };
      const pipeline = target && new ImportPipeline(target, settle);
      const at = new Date().toISOString();
      for await (const row of readImportFile(file, format, { label, parties })) {
        tally.rows++;
        if (!row.ok) {
          invalid++;
          row.errors.forEach(report);
        } else if (pipeline) await pipeline.add(await signRow(row.event, target!, at));
        draw();
      }
      if (pipeline) {
        await pipeline.finish();
        // Answers came once the entries were integrated: wait for the read model before ending.
        if (pipeline.lastIndex >= 0) await readAfter(target!, pipeline.lastIndex);
      }
      draw(true);
      if (errorsOut) await new Promise((r) => errorsOut.end(r));
      const good = tally.rows - invalid;
      console.log(
        dry
          ? `truceline: ${file}: ${tally.rows} rows, ${good} would be imported, ${invalid} with errors (dry run: nothing filed)`
          : `truceline: ${file}: ${tally.rows} rows, ${tally.added} imported, ${tally.already} already imported, ${invalid + tally.failed} with errors`,
      );
      if (invalid + tally.failed > 0) process.exitCode = 1;
    });
}
