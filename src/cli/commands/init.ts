// `truceline init`: creates a data directory with a mission from a mission file, its users, keys
// and API tokens (credentials written with mode 0600), without starting the server.
import { ensureDataDir } from '../../server/data-dir.js';
import { existsSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import { resolveConfig } from '../../server/config.js';
import { loadMissionFile } from '../../server/missions.js';
import { provisionMission } from '../../server/provision.js';
import { DEMO_MISSION_FILE } from '../../server/serve.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a mission (from a mission file) with its users, keys and tokens')
    .option(
      '--mission <file>',
      'mission file (default: the demo mission pak-afg)',
      DEMO_MISSION_FILE,
    )
    .option('--data <dir>', 'data directory (default ./data)')
    .option('--db <db>', 'store: sqlite, sqlite:PATH or postgres://…')
    .option(
      '--public-url <url>',
      'URL clients will use to reach the server',
      'http://localhost:8080',
    )
    .option('--json', 'print the credentials as JSON')
    .action(
      async (opts: {
        mission: string;
        data?: string;
        db?: string;
        publicUrl: string;
        json?: boolean;
      }) => {
        const doc = loadMissionFile(opts.mission);
        const config = resolveConfig({
          dataDir: opts.data,
          db: opts.db,
          publicUrl: opts.publicUrl,
        });
        ensureDataDir(config.dataDir, true);
        const credentialsFile = join(config.dataDir, `${doc.slug}-credentials.json`);
        if (existsSync(credentialsFile))
          throw new Error(`${credentialsFile} exists: mission ${doc.slug} is already set up here`);
        const store = await openStore(config.db, config.dataDir);
        try {
          if (await store.getMission(doc.slug))
            throw new Error(`mission ${doc.slug} already exists in this store`);
          const credentials = await provisionMission(store, doc, {
            writeDir: config.dataDir,
            finalDir: config.dataDir,
            publicUrl: opts.publicUrl,
          });
          writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2) + '\n', {
            mode: 0o600,
          });
          chmodSync(credentialsFile, 0o600);
          // The key rule (src/core/keys) makes each organisation consent to its members' keys
          // through its own steward: when the mission file lists no steward for an organisation,
          // provisioning generated one here, and whoever holds this directory can sign in that
          // organisation's name. Said on stderr, whatever the output format, so it is never missed.
          const generated = Object.keys(credentials.generatedStewards ?? {});
          if (generated.length > 0)
            process.stderr.write(
              `truceline: warning: the operator holds the generated key stewards of ${generated.join(', ')} (the mission file lists none for them): anyone with ${config.dataDir} can register keys and sign in their name. For a real mission, list each organisation's own steward vkeys under organisations[].stewards and run init again on a fresh data directory.\n`,
            );
          if (opts.json) console.log(JSON.stringify(credentials));
          else {
            console.log(`created mission ${doc.slug} in ${config.dataDir} (${config.db})`);
            console.log(
              `credentials for ${Object.keys(credentials.users).length} users: ${credentialsFile}`,
            );
            if (readdirSync(join(config.dataDir, 'keys')).length === 0)
              console.log('warning: no keys written');
          }
        } finally {
          await store.close();
        }
      },
    );
}
