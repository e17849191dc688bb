// `truceline restore BACKUP --data DIR`: puts a `truceline backup` into a new data directory and a
// new store (a SQLite file, or an empty PostgreSQL database), after checking every file's SHA-256.
import type { Command } from 'commander';
import { ENV_VARS, resolveConfig } from '../../server/config.js';
import { restoreBackup, storeLocation } from '../../server/backup/archive.js';

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore a backup into a new data directory and an empty store')
    .argument('<backup>', 'the directory `truceline backup` wrote')
    .option('--data <dir>', `the new data directory (env ${ENV_VARS.dataDir}; default ./data)`)
    .option(
      '--db <db>',
      `the new store: sqlite, sqlite:PATH or an empty postgres://… database (env ${ENV_VARS.db})`,
    )
    .action(async (backup: string, opts: { data?: string; db?: string }) => {
      const config = resolveConfig({ dataDir: opts.data, db: opts.db });
      const manifest = await restoreBackup(
        backup,
        config.dataDir,
        storeLocation(config.db, config.dataDir),
      );
      console.log(
        `truceline: restored the backup of ${manifest.createdAt} (${manifest.store}) into ${config.dataDir}`,
      );
    });
}
