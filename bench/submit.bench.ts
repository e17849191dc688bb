// `truceline submit -` as a user runs it (issue 12, target 1): the built CLI reads 10,000 report
// lines from a pipe and posts them to a real `serve --demo` process (three witnesses) in full
// batches, answered once durable and integrated (`?ack=integrated`). Printed: entries/s, the
// requests it took, and the ratio to one core's node:crypto Ed25519 verify loop on an entry-sized
// message measured in the same run (goal ≥ 1.0, bar 0.5).
// Run alone: node --import tsx bench/submit.bench.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exampleBody } from '../src/core/examples.js';
import { BIN, startServe } from '../test/support/cli.js';
import { verifyLoop } from './verify-loop.js';

const LINES = Number(process.env.BENCH_SUBMIT_LINES ?? 10_000);

interface Stats {
  requests: number;
  entries: number;
  largestRequest: number;
  seconds: number;
  entriesPerSecond: number;
}

function submit(credentials: string, input: string): Promise<{ stats: Stats; lines: string[] }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'submit',
      '--credentials',
      credentials,
      '--as',
      'af-liaison',
      '--kind',
      'report',
      '--stats',
      '-',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(input);
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const statLine = err.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ stats: JSON.parse(statLine) as Stats, lines: out.trim().split('\n') });
      } catch {
        reject(new Error(`submit exited ${code}: ${err}`));
      }
    }),
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-bench-submit-'));
  const data = join(dir, 'data');
  const server = await startServe(['--demo', '--port', '0', '--data', data]);
  try {
    const base = exampleBody('report') as { title: string };
    const bodies = Array.from({ length: LINES }, (_, i) =>
      JSON.stringify({ ...base, title: `${base.title} (${i})` }),
    );
    const { stats, lines } = await submit(
      join(data, 'demo-credentials.json'),
      bodies.join('\n') + '\n',
    );
    const landed = lines.filter((l) => (JSON.parse(l) as { index?: number }).index !== undefined);
    const entryBytes = Math.round(bodies.reduce((n, b) => n + b.length, 0) / LINES) + 250;
    const loop = verifyLoop(entryBytes);
    const ratio = stats.entriesPerSecond / loop;
    console.log(
      `submit - of ${LINES} report lines (built CLI → serve --demo, 3 witnesses, ack=integrated): ${landed.length} logged in ${stats.seconds.toFixed(1)} s = ${stats.entriesPerSecond.toFixed(0)} entries/s, ${stats.requests} requests (largest ${stats.largestRequest})`,
    );
    console.log(
      `  vs one core's node:crypto Ed25519 verify loop on ${entryBytes}-byte messages: ${loop.toFixed(0)}/s → ratio ${ratio.toFixed(2)} (goal ≥ 1.0, bar 0.5: ${ratio >= 1 ? 'goal met' : ratio >= 0.5 ? 'bar met' : 'BELOW BAR'})`,
    );
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
