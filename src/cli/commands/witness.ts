// `truceline witness`: a c2sp.org/tlog-witness server with its own key and state file.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseVerifierKey } from '../../tlog/note-key.js';
import { Witness } from '../../log/witness.js';
import { serveWitness } from '../../log/witness-server.js';

export function registerWitness(program: Command): void {
  program
    .command('witness')
    .description(
      'run a c2sp.org/tlog-witness server (POST <prefix>/add-checkpoint) for the given logs',
    )
    .requiredOption('--key <file>', 'the witness key file (truceline keygen --witness)')
    .requiredOption(
      '--log <vkey...>',
      "log verifier key(s) to witness; each key's name is the log origin",
    )
    .requiredOption(
      '--state <file>',
      'state file (latest cosigned checkpoint per log, updated atomically)',
    )
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '7380')
    .option('--prefix <path>', 'URL path prefix', '')
    .action(
      async (opts: {
        key: string;
        log: string[];
        state: string;
        host: string;
        port: string;
        prefix: string;
      }) => {
        const logs = opts.log.map((vkey) => ({
          origin: parseVerifierKey(vkey).name,
          vkeys: [vkey],
        }));
        const witness = new Witness({
          skey: readFileSync(opts.key, 'utf8').trim(),
          logs,
          statePath: opts.state,
        });
        const running = await serveWitness(witness, {
          host: opts.host,
          port: Number(opts.port),
          prefix: opts.prefix,
        });
        console.log(`truceline: witness ${witness.name} listening on ${running.url}`);
        console.log(`truceline: vkey ${witness.vkey}`);
        await new Promise<void>((resolveStop) => {
          const stop = () => void running.close().then(resolveStop);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}
