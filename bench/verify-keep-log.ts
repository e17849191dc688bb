// Builds the verify bench's log (bench/verify.bench.ts) once and keeps it, in the tlog-tiles
// layout with its checkpoint and policy, for profiling one stage at a time:
//   TRUCELINE_BENCH_VERIFY_N=100000 node --import tsx bench/verify-keep-log.ts <dir>
//   node --cpu-prof --import tsx bench/verify-audit.ts <dir>/log full
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeLogDir } from './verify.bench.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: verify-keep-log.ts <dir>');
mkdirSync(dir, { recursive: true });
console.log(`${await writeLogDir(dir)} entries in ${join(dir, 'log')}`);
