// Builds the audit's Ed25519 batch core (ed25519-batch.c) into dist/native/ed25519-batch.node
// with the machine's C compiler and Node's own headers (N-API: one binary for every Node version
// from 20). Run by `npm run build`. Without a compiler or headers it says so and leaves nothing:
// the audit then checks signatures one by one with libsodium (src/log/verify-batch.ts), slower and
// with the same verdicts. --strict (the tests) makes a failed build an error.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../../dist/native/ed25519-batch.node');
const strict = process.argv.includes('--strict');
// Node's headers: beside the binary (/usr/bin/node → /usr/include/node), or npm's nodedir.
const headers = [
  join(dirname(process.execPath), '..', 'include', 'node'),
  ...(process.env.npm_config_nodedir
    ? [join(process.env.npm_config_nodedir, 'include', 'node')]
    : []),
].find((d) => existsSync(join(d, 'node_api.h')));

try {
  if (!headers) throw new Error("Node's headers (node_api.h) not found");
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(
    process.env.CC ?? 'cc',
    [
      '-O3',
      '-fPIC',
      '-shared',
      '-std=c11',
      '-Wall',
      '-Wextra',
      '-Werror',
      `-I${headers}`,
      join(here, 'ed25519-batch.c'),
      '-o',
      out,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  console.log(`build-native: ${out}`);
} catch (err) {
  const why = `build-native: couldn't build the Ed25519 batch core (${err.message}); the audit will verify signatures one by one with libsodium`;
  if (strict) throw new Error(why, { cause: err });
  console.warn(why);
}
