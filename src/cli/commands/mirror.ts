// `truceline mirror URL --policy FILE --out DIR`: keeps a verified local copy of a log and follows
// it. Any inconsistency (a checkpoint not consistent with the last one verified, a tile or entry
// that does not match, a bad signature or a missing quorum) is an alarm: a one-line reason and a
// non-zero exit. A log that cannot be reached is retried (with --once it is an error).
import type { Command } from 'commander';
import { AuditError } from '../../log/audit-errors.js';
import { httpLogSource } from '../../log/audit-source.js';
import { Mirror } from '../../log/mirror.js';
import { loadPolicy, logUrlOf, progressPrinter } from './verify.js';

export function registerMirror(program: Command): void {
  program
    .command('mirror')
    .description('keep a verified local copy of a log (checkpoint, tiles, entries) and follow it')
    .argument(
      '[url]',
      'the log prefix URL, e.g. http://host/log/pak-afg/ (default: from the policy)',
    )
    .requiredOption('--policy <file|url>', 'c2sp.org/tlog-policy: log key, witness keys, quorum')
    .requiredOption('--out <dir>', 'the local copy (tlog-tiles layout)')
    .option('--interval <seconds>', 'seconds between checks', '10')
    .option('--once', 'sync once and exit')
    .option('--json', 'print one JSON line per sync')
    .action(
      async (
        url: string | undefined,
        opts: { policy: string; out: string; interval: string; once?: boolean; json?: boolean },
      ) => {
        const interval = Number(opts.interval);
        if (!(interval > 0)) throw new Error(`--interval must be a positive number of seconds`);
        const { policy } = await loadPolicy(opts.policy);
        const logUrl = logUrlOf(policy, url);
        const mirror = new Mirror(httpLogSource(logUrl), policy, opts.out, {
          onProgress: progressPrinter('mirror'),
        });
        const alarm = (err: unknown): never => {
          throw new Error(`ALARM: ${(err as Error).message}`, { cause: err });
        };
        try {
          await mirror.open();
        } catch (err) {
          alarm(err);
        }
        let stopping = false;
        let wake: (() => void) | undefined;
        const stop = () => {
          stopping = true;
          wake?.();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        for (;;) {
          try {
            const r = await mirror.sync();
            const line = {
              ok: true,
              log: logUrl,
              from: r.from,
              size: r.size,
              cosigners: r.cosigners,
            };
            if (opts.json) console.log(JSON.stringify(line));
            else if (r.size !== r.from || opts.once)
              console.log(
                `truceline: mirror ${opts.out} verified ${r.size} entries (+${r.size - r.from}), cosigned by ${r.cosigners.join(', ') || 'no witness'}`,
              );
          } catch (err) {
            const unreachable = err instanceof AuditError && err.code === 'unreachable';
            // A log that cannot be reached is not evidence of misbehaviour: retry (or just fail).
            if (unreachable && !opts.once)
              process.stderr.write(`truceline: mirror: ${err.message} (retrying)\n`);
            else if (unreachable) throw err;
            else alarm(err);
          }
          if (opts.once || stopping) return;
          await new Promise<void>((r) => {
            const t = setTimeout(r, interval * 1000);
            wake = () => {
              clearTimeout(t);
              r();
            };
          });
          if (stopping) return;
        }
      },
    );
}
