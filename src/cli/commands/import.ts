// `truceline import FILE`: ACLED CSV, UCDP GED CSV or GeoJSON rows filed as signed entries by an
// analyst: per row a `report` labelled with its source (the source's event id and the file in
// `sources` and the description) and an `incident` that opens on it. Entry ids are derived from
// the mission and the source's event id (src/server/import/ids.ts), so importing a file again adds
// nothing: the log refuses ids it holds, and those rows count as already imported. A bad row is
// reported (line, field, reason) and never stops the good ones. --dry-run checks without filing.
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { signEnvelope } from '../../core/envelope.js';
import { signerFromNoteKey, type Signer } from '../../core/signing.js';
import { importId } from '../../server/import/ids.js';
import { IMPORT_FORMATS, readImportFile, type ImportFormat } from '../../server/import/read.js';
import type { ImportedEvent, ImportParty, RowError } from '../../server/import/types.js';
import { answerError, connect, type ConnectionOptions } from '../connection.js';

/** Rows per request: two entries each, well under the batch route's 4,096 entries. */
const ROWS_PER_BATCH = 400;

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

/** Posts JSON lines as one batch request (retrying while the log is full); the answers in order. */
async function postBatch(
  lines: string[],
  c: { server: string; token: string; mission: string },
): Promise<{ index?: number; error?: { code?: string; message?: string } }[]> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${c.server}/api/v1/missions/${c.mission}/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/jsonl', authorization: `Bearer ${c.token}` },
      body: lines.join('\n') + '\n',
    });
    if (res.status === 503 && attempt < 10) {
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      continue;
    }
    if (res.status !== 200) throw new Error(`couldn't import: ${await answerError(res)}`);
    return (await res.text())
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { index?: number; error?: { code?: string; message?: string } })
      .slice(0, lines.length);
  }
}

/**
 * Signs a batch of rows and posts them as two JSON-lines requests: the reports, then the incidents
 * that open on them. (In one request each incident would name a report filed just before it in the
 * same batch and wait for the read model to apply it; after the reports' answer, which comes once
 * they are in the read model, the incidents depend on nothing pending and are judged at once.)
 */
async function fileBatch(
  events: ImportedEvent[],
  c: { server: string; token: string; mission: string; signer: Signer },
  report: (e: RowError) => void,
  tally: Tally,
): Promise<void> {
  const reports: string[] = [];
  const incidents: string[] = [];
  const at = new Date().toISOString();
  for (const e of events) {
    const ms = Date.parse(`${e.report.occurred.date}T00:00:00Z`);
    const reportId = importId(c.mission, e.sourceKey, 'report', ms);
    const r = await signEnvelope(
      { mission: c.mission, kind: 'report', id: reportId, at, body: e.report },
      c.signer,
    );
    const i = await signEnvelope(
      {
        mission: c.mission,
        kind: 'incident',
        id: importId(c.mission, e.sourceKey, 'incident', ms),
        at,
        body: {
          action: 'open',
          title: e.report.title,
          type: e.report.type,
          occurred: e.report.occurred,
          location: e.report.location,
          reports: [reportId],
        },
      },
      c.signer,
    );
    reports.push(Buffer.from(r.bytes).toString('utf8'));
    incidents.push(Buffer.from(i.bytes).toString('utf8'));
  }
  const reportAnswers = await postBatch(reports, c);
  const incidentAnswers = await postBatch(incidents, c);
  // Per row: added when both entries went in, already there when both were duplicates.
  events.forEach((e, k) => {
    const pair = [reportAnswers[k], incidentAnswers[k]];
    const dup = pair.map((a) => a?.error?.code === 'duplicate');
    const ok = pair.map((a) => a?.index !== undefined);
    if (ok[0] && ok[1]) tally.added++;
    else if (dup[0] && dup[1]) tally.already++;
    else if ((ok[0] || dup[0]) && (ok[1] || dup[1])) tally.added++;
    else {
      tally.failed++;
      const bad = pair.find((a) => a?.error && a.error.code !== 'duplicate');
      report({
        line: e.line,
        field: '',
        reason: `refused by the server: ${bad?.error?.message ?? 'no answer'}`,
      });
    }
  });
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
      let batch: ImportedEvent[] = [];
      const flush = async () => {
        if (batch.length && !dry)
          await fileBatch(
            batch,
            { server: c!.server, token: c!.token!, mission: mission!, signer: signer! },
            report,
            tally,
          );
        batch = [];
        draw();
      };
      for await (const row of readImportFile(file, format, { label, parties })) {
        tally.rows++;
        if (!row.ok) {
          invalid++;
          row.errors.forEach(report);
        } else batch.push(row.event);
        if (batch.length >= ROWS_PER_BATCH) await flush();
        else draw();
      }
      await flush();
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
