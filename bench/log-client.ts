// The HTTP submission client of bench/log.bench.ts, run as a separate process:
//   node --import tsx bench/log-client.ts <server> <credentials.json> <count> <concurrency> [batch]
// Signs <count> entries first (not timed), then posts them with <concurrency> requests in flight:
// one entry per request (201 each), or, with [batch] > 1, JSON-lines batches of that many entries
// (the batch path, 200 with one result line per entry). Prints one JSON line:
// {ok, failed, seconds, perSec, networkErrors, p50, p99, batchP50, batchP99} — p50/p99 per entry
// (an entry's latency is its request's), batchP50/batchP99 per request; networkErrors counts
// connections that failed (sent again).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { signerFromNoteKey } from '../src/core/signing.js';

const [server, credsFile, countText, concText, batchText] = process.argv.slice(2);
const creds = JSON.parse(readFileSync(credsFile!, 'utf8')) as {
  users: Record<string, { token: string; keyFile: string }>;
};
// The example report is Afghanistan's allegation (accused PK, fatalities claimed by AF).
const user = creds.users['af-liaison']!;
const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
const count = Number(countText);
const batch = Math.max(1, Number(batchText ?? 1));
const bodies: string[] = [];
for (let i = 0; i < count; i++) {
  const { bytes } = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') as Record<string, unknown> },
    signer,
  );
  bodies.push(new TextDecoder().decode(bytes));
}
const requests: string[][] = [];
for (let i = 0; i < bodies.length; i += batch) requests.push(bodies.slice(i, i + batch));

const entryLatencies: number[] = [];
const requestLatencies: number[] = [];
let next = 0;
let ok = 0;
let failed = 0;
const url = `${server}/api/v1/missions/pak-afg/entries`;

let networkErrors = 0;

async function postSingle(body: string): Promise<'retry' | 'ok' | 'failed'> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body,
    });
  } catch {
    // A connection that failed (e.g. not accepted in time by the loaded server): send it again; an
    // entry that did land answers 409 then and counts as failed.
    networkErrors++;
    return 'retry';
  }
  await res.arrayBuffer();
  if (res.status === 503) return 'retry';
  return res.status === 201 ? 'ok' : 'failed';
}

/** Posts one batch; returns the lines to send again (refused with 503: the queue was full). */
async function postBatch(lines: string[]): Promise<string[]> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/jsonl' },
      body: lines.join('\n') + '\n',
    });
    text = await res.text();
  } catch {
    networkErrors++;
    return lines;
  }
  if (res.status !== 200) {
    if (res.status === 503) return lines;
    failed += lines.length;
    console.error(`batch answered ${res.status}: ${text.slice(0, 200)}`);
    return [];
  }
  const results = text.trim().split('\n').slice(0, lines.length);
  const again: string[] = [];
  results.forEach((r, i) => {
    const v = JSON.parse(r) as { index?: number; error?: { status: number; message: string } };
    if (v.index !== undefined) ok++;
    else if (v.error?.status === 503) again.push(lines[i]!);
    else {
      failed++;
      if (failed <= 3) console.error(`entry refused: ${v.error?.message}`);
    }
  });
  return again;
}

const t0 = performance.now();
async function worker(): Promise<void> {
  while (next < requests.length) {
    let lines = requests[next++]!;
    while (lines.length > 0) {
      const s = performance.now();
      let done: number;
      if (batch === 1) {
        const r = await postSingle(lines[0]!);
        if (r === 'retry') {
          await new Promise((res) => setTimeout(res, 50));
          continue;
        }
        if (r === 'ok') ok++;
        else failed++;
        done = 1;
        lines = [];
      } else {
        const again = await postBatch(lines);
        done = lines.length - again.length;
        lines = again;
        if (done === 0) {
          await new Promise((res) => setTimeout(res, 50));
          continue;
        }
      }
      const ms = performance.now() - s;
      requestLatencies.push(ms);
      for (let i = 0; i < done; i++) entryLatencies.push(ms);
    }
  }
}
await Promise.all(Array.from({ length: Number(concText) }, worker));
const seconds = (performance.now() - t0) / 1000;
const q = (xs: number[], p: number) => {
  xs.sort((a, b) => a - b);
  return xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
};
console.log(
  JSON.stringify({
    ok,
    failed,
    seconds,
    perSec: ok / seconds,
    networkErrors,
    p50: q(entryLatencies, 0.5),
    p99: q(entryLatencies, 0.99),
    batchP50: q(requestLatencies, 0.5),
    batchP99: q(requestLatencies, 0.99),
  }),
);
