// `truceline serve`: runs the HTTP server until SIGINT or SIGTERM.
import type { Command } from 'commander';
import { ENV_VARS, resolveConfig } from '../../server/config.js';
import { startServer } from '../../server/serve.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API, the C2SP log endpoints and the web portal')
    .option(
      '--port <port>',
      `port to listen on (env ${ENV_VARS.port}; default 8080; 0 picks a free port)`,
    )
    .option('--host <host>', `address to bind (env ${ENV_VARS.host}; default 127.0.0.1)`)
    .option('--data <dir>', `data directory (env ${ENV_VARS.dataDir}; default ./data)`)
    .option(
      '--db <db>',
      `store: sqlite, sqlite:PATH or postgres://… (env ${ENV_VARS.db}; default sqlite)`,
    )
    .option(
      '--public-url <url>',
      `URL clients use to reach this server (env ${ENV_VARS.publicUrl})`,
    )
    .option('--demo', `create the demo mission pak-afg on first start (env ${ENV_VARS.demo})`)
    .action(
      async (opts: {
        port?: string;
        host?: string;
        data?: string;
        db?: string;
        publicUrl?: string;
        demo?: boolean;
      }) => {
        const config = resolveConfig({
          port: opts.port,
          host: opts.host,
          dataDir: opts.data,
          db: opts.db,
          publicUrl: opts.publicUrl,
          demo: opts.demo,
        });
        const server = await startServer(config);
        console.log(`truceline: listening on ${server.url}`);
        if (config.demo)
          console.log(`truceline: demo credentials in ${config.dataDir}/demo-credentials.json`);
        await new Promise<void>((resolveStop) => {
          const stop = (signal: string) => {
            console.log(`truceline: ${signal}, shutting down`);
            server.close().then(resolveStop, (err: unknown) => {
              console.error(`truceline: couldn't shut down cleanly: ${String(err)}`);
              resolveStop();
            });
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
      },
    );
}
