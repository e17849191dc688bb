// The HTTP submission client of bench/log.bench.ts, run as a separate process:
//   node --import tsx bench/log-client.ts <server> <credentials.json> <count> <concurrency>
// Signs <count> entries first (not timed), then posts them with <concurrency> in flight and prints
// one JSON line: {ok, failed, seconds, perSec, p50, p99}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { signerFromNoteKey } from '../src/core/signing.js';

const [server, credsFile, countText, concText] = process.argv.slice(2);
const creds = JSON.parse(readFileSync(credsFile!, 'utf8')) as {
  users: Record<string, { token: string; keyFile: string }>;
};
const user = Object.values(creds.users)[0]!;
const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
const count = Number(countText);
const bodies: string[] = [];
for (let i = 0; i < count; i++) {
  const { bytes } = await signEnvelope(
    { mission: 'pak-afg', kind: 'report', body: exampleBody('report') as Record<string, unknown> },
    signer,
  );
  bodies.push(new TextDecoder().decode(bytes));
}
const latencies: number[] = [];
let next = 0;
let ok = 0;
let failed = 0;
const t0 = performance.now();
async function worker(): Promise<void> {
  while (next < bodies.length) {
    const body = bodies[next++]!;
    for (;;) {
      const s = performance.now();
      const res = await fetch(`${server}/api/v1/missions/pak-afg/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      if (res.status === 503) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      latencies.push(performance.now() - s);
      if (res.status === 201) ok++;
      else failed++;
      break;
    }
  }
}
await Promise.all(Array.from({ length: Number(concText) }, worker));
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const q = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
console.log(
  JSON.stringify({ ok, failed, seconds, perSec: ok / seconds, p50: q(0.5), p99: q(0.99) }),
);
