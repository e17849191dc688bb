// The `truceline` command line: one sub-command per file in ./commands, registered here.
import { Command, CommanderError } from 'commander';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('truceline')
    .description('Verifiable ceasefire monitoring: signed records in a witnessed transparency log.')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ outputError: (str, write) => write(str.split('\n')[0] + '\n') });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
}
