// `truceline backup --out DIR`: a consistent copy of the data directory and its store, taken while
// the server keeps serving (SQLite online backup API; pg_dump for PostgreSQL). See
// src/server/backup/archive.ts for the layout and docs/operations.md for the procedure.
import type { Command } from 'commander';
import { ENV_VARS, resolveConfig } from '../../server/config.js';
import { createBackup, storeLocation } from '../../server/backup/archive.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'copy the data directory and the store into a new backup directory (safe while serving)',
    )
    .requiredOption(
      '-o, --out <dir>',
      'the backup directory to create (must not exist or be empty)',
    )
    .option('--data <dir>', `data directory (env ${ENV_VARS.dataDir}; default ./data)`)
    .option('--db <db>', `store: sqlite, sqlite:PATH or postgres://… (env ${ENV_VARS.db})`)
    .action(async (opts: { out: string; data?: string; db?: string }) => {
      const config = resolveConfig({ dataDir: opts.data, db: opts.db });
      const manifest = await createBackup(
        config.dataDir,
        storeLocation(config.db, config.dataDir),
        opts.out,
      );
      const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
      console.log(
        `truceline: backed up ${config.dataDir} (${manifest.store}) to ${opts.out}: ${manifest.files.length} files, ${bytes} bytes`,
      );
    });
}
