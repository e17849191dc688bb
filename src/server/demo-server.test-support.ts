// Test support: `serve --demo` in-process on 127.0.0.1 (a free port) in a temporary data
// directory, with the demo credentials it wrote; close() stops it and removes the directory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type ConfigInput } from './config.js';
import type { Credentials } from './provision.js';
import { startServer, type RunningServer } from './serve.js';

export interface DemoServer {
  server: RunningServer;
  creds: Credentials;
  close(): Promise<void>;
}

/** Starts the demo; `settings` override the defaults (a 5 ms log batch interval for speed). */
export async function startDemoServer(
  name: string,
  settings: Partial<ConfigInput> = {},
): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), `truceline-${name}-`));
  const data = join(dir, 'data');
  const server = await startServer(
    resolveConfig(
      { port: 0, host: '127.0.0.1', dataDir: data, demo: true, logBatchIntervalMs: 5, ...settings },
      {},
    ),
  );
  const creds = JSON.parse(
    readFileSync(join(data, 'demo-credentials.json'), 'utf8'),
  ) as Credentials;
  return {
    server,
    creds,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
