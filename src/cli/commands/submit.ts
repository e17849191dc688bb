// `truceline submit`: wraps JSON bodies in signed envelopes and posts them to a mission's log.
// From a file: one body. From stdin (`-` or no file): JSON lines, one entry per line, sent in
// JSON-lines batches (submit-batch.ts; `--batch 1` posts each entry alone), several requests in
// flight; one JSON result line per entry, in input order: {"index":…,"id":…} or {"error":…}.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { EntryKindSchema, type EntryKind } from '../../core/records/kinds.js';
import type { Signer } from '../../core/signing.js';
import { nodeSignerFromNoteKey } from '../../log/node-signer.js';
import { BatchSubmitter, DEFAULT_BATCH_SIZE, type SubmitStats } from './submit-batch.js';

export interface Credentials {
  server: string;
  mission: string;
  users: Record<string, { token: string; keyFile: string }>;
}

function kindOf(k: string): EntryKind {
  const parsed = EntryKindSchema.safeParse(k);
  if (!parsed.success)
    throw new Error(`unknown kind "${k}": use one of ${EntryKindSchema.options.join(', ')}`);
  return parsed.data;
}

export async function submitOne(
  server: string,
  mission: string,
  token: string,
  signer: Signer,
  kind: EntryKind,
  line: string,
): Promise<Record<string, unknown>> {
  try {
    const body = JSON.parse(line) as Record<string, unknown>;
    const { envelope, bytes } = await signEnvelope({ mission, kind, body }, signer);
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${server.replace(/\/$/, '')}/api/v1/missions/${mission}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: Buffer.from(bytes),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 503 && attempt < 5) {
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
        continue;
      }
      if (res.status === 201) return { index: json.index, id: envelope.id };
      const err = json.error as { code?: string; message?: string } | undefined;
      return {
        error: err?.message ?? `HTTP ${res.status}`,
        code: err?.code,
        status: res.status,
        id: envelope.id,
      };
    }
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description(
      'sign JSON bodies as entries of a kind and submit them (a file, or JSON lines on stdin)',
    )
    .argument('[file]', 'a JSON body, or - for JSON lines on stdin')
    .option('--server <url>', 'server URL (default: from the credentials file)')
    .option('--credentials <file>', 'credentials file (e.g. data/demo-credentials.json)')
    .option('--as <user>', 'the user whose token and key to use')
    .option('--kind <kind>', 'entry kind, e.g. report')
    .option('--mission <slug>', 'mission (default: from the credentials file)')
    .option('--concurrency <n>', 'requests in flight at once', '4')
    .option(
      '--batch <n>',
      `entries per request on stdin (at most 4096; 1 posts each entry alone)`,
      String(DEFAULT_BATCH_SIZE),
    )
    .option('--example <kind>', 'print a valid example body for a kind and exit')
    .option('--stats', 'on stdin, print requests, entries and entries/s as one JSON line to stderr')
    .action(
      async (
        file: string | undefined,
        opts: {
          server?: string;
          credentials?: string;
          as?: string;
          kind?: string;
          mission?: string;
          concurrency: string;
          batch: string;
          example?: string;
          stats?: boolean;
        },
      ) => {
        if (opts.example) {
          console.log(JSON.stringify(exampleBody(kindOf(opts.example))));
          return;
        }
        if (!opts.credentials || !opts.as || !opts.kind)
          throw new Error(
            'submit needs --credentials FILE --as USER --kind KIND (or --example KIND)',
          );
        const creds = JSON.parse(readFileSync(opts.credentials, 'utf8')) as Credentials;
        const user = creds.users[opts.as];
        if (!user) throw new Error(`no user "${opts.as}" in ${opts.credentials}`);
        const server = opts.server ?? creds.server;
        const mission = opts.mission ?? creds.mission;
        const kind = kindOf(opts.kind);
        // libsodium on this thread: WebCrypto's thread-pool round trip cost ~3× the CPU per entry.
        const signer = nodeSignerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
        const run = (line: string) => submitOne(server, mission, user.token, signer, kind, line);
        if (file && file !== '-') {
          const result = await run(readFileSync(file, 'utf8'));
          console.log(JSON.stringify(result));
          if ('error' in result) process.exitCode = 1;
          return;
        }
        // JSON lines, results printed in input order as their answers come.
        const concurrency = Math.max(1, Number(opts.concurrency) || 1);
        const batchSize = Math.min(4096, Math.max(1, Number(opts.batch) || 1));
        const started = performance.now();
        const pending: Promise<Record<string, unknown>>[] = [];
        let failed = false;
        const drainOne = async () => {
          const r = await pending.shift()!;
          if ('error' in r) failed = true;
          process.stdout.write(JSON.stringify(r) + '\n');
        };
        // The printer runs beside the reader, so printing never holds back reading.
        let printing = Promise.resolve();
        const print = () => {
          printing = printing.then(drainOne);
        };
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        let stats: SubmitStats | undefined;
        if (batchSize > 1) {
          const batcher = new BatchSubmitter(
            server,
            mission,
            user.token,
            signer,
            kind,
            batchSize,
            concurrency,
          );
          stats = batcher.stats;
          for await (const line of lines) {
            if (line.trim() === '') continue;
            // `add` waits (in whole batches) while enough is in flight: see submit-batch.ts.
            const { result } = await batcher.add(line);
            pending.push(result);
            print();
          }
          batcher.flush();
        } else {
          // --batch 1: one POST per entry, up to `concurrency` in flight.
          for await (const line of lines) {
            if (line.trim() === '') continue;
            pending.push(run(line));
            print();
            while (pending.length >= concurrency) await pending[0];
          }
        }
        await printing;
        while (pending.length > 0) await drainOne();
        if (opts.stats) {
          const seconds = (performance.now() - started) / 1000;
          const entries = stats?.entries ?? 0;
          process.stderr.write(
            JSON.stringify({ ...stats, seconds, entriesPerSecond: entries / seconds }) + '\n',
          );
        }
        if (failed) process.exitCode = 1;
      },
    );
}
