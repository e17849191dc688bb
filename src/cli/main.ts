// The `truceline` command line: one sub-command per file in ./commands, registered here.
import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerKeygen } from './commands/keygen.js';
import { registerMirror } from './commands/mirror.js';
import { registerReport } from './commands/report.js';
import { registerWebhooks } from './commands/webhooks.js';
import { registerRestore } from './commands/restore.js';
import { registerServe } from './commands/serve.js';
import { registerSubmit } from './commands/submit.js';
import { registerUsers } from './commands/users.js';
import { registerVerify } from './commands/verify.js';
import { registerWitness } from './commands/witness.js';

export function buildProgram(): Command {
  const program = new Command('truceline')
    .description('Verifiable ceasefire monitoring: signed records in a witnessed transparency log.')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`truceline: ${usageError(str)}\n`) });
  registerServe(program);
  registerInit(program);
  registerKeygen(program);
  registerSubmit(program);
  registerWitness(program);
  registerIngest(program);
  registerVerify(program);
  registerMirror(program);
  registerUsers(program);
  registerBackup(program);
  registerRestore(program);
  registerExport(program);
  registerImport(program);
  registerReport(program);
  registerWebhooks(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Commander's "error: unknown command 'x'…" as one line in this CLI's words, with the way out. */
function usageError(text: string): string {
  const line = (text.split('\n')[0] ?? '').replace(/^error: /, '');
  const command = /^unknown command '([^']*)'/.exec(line);
  if (command) return `unknown command "${command[1]}" (see truceline --help)`;
  const option = /^unknown option '([^']*)'/.exec(line);
  if (option) return `unknown option "${option[1]}" (see truceline <command> --help)`;
  return `${line} (see truceline <command> --help)`;
}

/** Runs the CLI; returns the exit code. Failures print one line: "truceline: <reason>". */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command that finished but partly failed (e.g. `submit` with a refused line) says so
    // through process.exitCode; keep it rather than reporting success.
    return Number(process.exitCode ?? 0) || 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    console.error(`truceline: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
