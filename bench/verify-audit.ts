// One measurement of bench/verify.bench.ts, run in a process of its own so that its peak memory
// (getrusage maxrss: the main thread and the audit's worker threads together) is its own:
//   node --import tsx bench/verify-audit.ts <dir> <mode> [workers]
// <dir> holds a log in the c2sp.org/tlog-tiles layout (what `truceline mirror` writes: checkpoint,
// tile/…, tile/entries/…) and its policy (`policy`). mode: `hash` (RFC 6962 leaf hashes of every
// entry, bundles read untimed), `tree` (the audit with envelope checks off) or `full` (the audit as
// `truceline verify` runs it, reading the directory as `truceline mirror` re-audits its copy).
// Prints one JSON line.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCheckpoint } from '../src/tlog/checkpoint.js';
import { parseNote } from '../src/tlog/note.js';
import { parsePolicy } from '../src/tlog/policy.js';
import { decodeEntryBundle, TILE_WIDTH } from '../src/tlog/tiles.js';
import { auditLog } from '../src/log/audit.js';
import { dirLogSource } from '../src/log/audit-source.js';
import { nodeHasher } from '../src/log/hasher.js';

const [dir, mode, workersArg] = process.argv.slice(2);
// full-batch: the full audit with --batch-signatures (verify-batch.ts), off by default.
if (!dir || !['hash', 'tree', 'full', 'full-batch'].includes(mode ?? ''))
  throw new Error('usage: verify-audit.ts <dir> hash|tree|full|full-batch [workers]');

const source = dirLogSource(dir);
const note = readFileSync(join(dir, 'checkpoint'), 'utf8');
const size = parseCheckpoint(parseNote(note).text).size;
let seconds: number;
const cpu0 = process.cpuUsage();
const load0 = loadavg()[0]!;
let extra: Record<string, unknown> = {};
if (mode === 'hash') {
  let ms = 0;
  let bytes = 0;
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const entries = decodeEntryBundle(await source.entries(n, width), width);
    const t0 = performance.now();
    for (const e of entries) nodeHasher.hashLeaf(e);
    ms += performance.now() - t0;
    for (const e of entries) bytes += e.length;
  }
  seconds = ms / 1000;
  extra = { avgBytes: bytes / size };
} else {
  const policy = parsePolicy(readFileSync(join(dir, 'policy'), 'utf8'));
  const t0 = performance.now();
  const { report } = await auditLog(source, policy, {
    ...(mode === 'tree' ? { envelopes: false } : {}),
    ...(mode === 'full-batch' ? { batchSignatures: true } : {}),
    ...(workersArg === undefined ? {} : { workers: Number(workersArg) }),
  });
  seconds = (performance.now() - t0) / 1000;
  if (report.size !== size || (mode!.startsWith('full') && report.envelopes?.entries !== size))
    throw new Error('the audit did not check every entry');
}
// CPU time of every thread of this process (the audit's workers too), and the machine's load.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const load = [load0, loadavg()[0]!];
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, size, seconds, cpuSeconds, load, maxRssMiB, ...extra }));
