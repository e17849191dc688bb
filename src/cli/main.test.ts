// Issue 9.6: usage errors print one line "truceline: …" and exit 2; help exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './main.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => ((out += String(s)), true)) as typeof o;
  process.stderr.write = ((s: string | Uint8Array) => ((err += String(s)), true)) as typeof e;
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

test('an unknown command: one truceline line naming it and the way out, exit 2', async () => {
  const r = await run(['frobnicate']);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'truceline: unknown command "frobnicate" (see truceline --help)\n');
});

test('an unknown option: one truceline line naming it, exit 2', async () => {
  const r = await run(['serve', '--frob']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^truceline: unknown option "--frob" \(see truceline <command> --help\)\n$/);
  assert.doesNotMatch(r.err, /error:/);
});

test("a command's --help prints that command's help and exits 0", async () => {
  const r = await run(['export', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Usage: truceline export/);
  assert.equal(r.err, '');
});
