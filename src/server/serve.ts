// Starting and stopping the server: demo provisioning on first start, the store, the HTTP app.
import { dataDirProblem, ensureDataDir } from './data-dir.js';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../store/open.js';
import {
  startLocalWitnesses,
  startMissionLogs,
  stopMissionLogs,
  type LogTuning,
} from '../log/service.js';
import type { Store } from '../store/store.js';
import { buildApp } from './app.js';
import { seedDemoStory } from './workflow/story.js';
import type { ServerConfig } from './config.js';
import { loadMissionFile } from './missions.js';
import {
  CREDENTIALS_FILE,
  provisionMission,
  writeSecretFile,
  type Credentials,
} from './provision.js';
import { startAllDemoNews, type DemoNewsJob } from './news/demo-news.js';

export const DEMO_MISSION_FILE = fileURLToPath(
  new URL('../../missions/pak-afg.json', import.meta.url),
);

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function isEmptyDir(path: string): boolean {
  return readdirSync(path).length === 0;
}

/**
 * Creates the demo data directory on first start. It is built in a staging directory beside the
 * target and renamed into place at the end, so a failure leaves no partial data directory behind.
 */
async function ensureDemo(config: ServerConfig, publicUrl: string): Promise<void> {
  const target = config.dataDir;
  if (existsSync(join(target, CREDENTIALS_FILE))) return;
  if (existsSync(target) && !isEmptyDir(target)) {
    throw new Error(
      `couldn't create the demo in ${target}: the directory is not empty and holds no ${CREDENTIALS_FILE} (choose another --data or empty it)`,
    );
  }
  ensureDataDir(dirname(resolve(target)), false);
  const staging = `${resolve(target)}.init-${randomBytes(4).toString('hex')}`;
  try {
    mkdirSync(staging, { mode: 0o700 });
  } catch (err) {
    throw dataDirProblem(target, err);
  }
  try {
    const store = await openStore(config.db, staging);
    try {
      const doc = loadMissionFile(DEMO_MISSION_FILE);
      const credentials = await provisionMission(store, doc, {
        writeDir: staging,
        finalDir: target,
        publicUrl,
      });
      writeSecretFile(join(staging, CREDENTIALS_FILE), JSON.stringify(credentials, null, 2) + '\n');
    } finally {
      await store.close();
    }
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const displayHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // Log origins are fixed at provisioning; without --public-url they use "localhost".
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  if (config.demo) await ensureDemo(config, publicUrl);
  else ensureDataDir(config.dataDir, false);

  const store = await openStore(config.db, config.dataDir);
  // The demo mission's three witnesses run in this process, each on its own 127.0.0.1 port.
  const witnesses = config.demo ? await startLocalWitnesses(store, config.dataDir) : undefined;
  const tuning: LogTuning = {};
  if (config.logBatchSize !== undefined) tuning.batchSize = config.logBatchSize;
  if (config.logBatchIntervalMs !== undefined) tuning.batchIntervalMs = config.logBatchIntervalMs;
  if (config.logMaxQueue !== undefined) tuning.maxQueue = config.logMaxQueue;
  if (config.witnessTimeoutMs !== undefined) tuning.witnessTimeoutMs = config.witnessTimeoutMs;
  let logs;
  try {
    logs = await startMissionLogs({
      store,
      dataDir: config.dataDir,
      publicUrl,
      ...(witnesses ? { witnessUrls: witnesses.urls } : {}),
      tuning,
    });
  } catch (err) {
    await witnesses?.close();
    await store.close();
    throw err;
  }
  const ctx = { store, config, publicUrl, version: packageVersion(), logs };
  const app = await buildApp(ctx);
  const stopLogs = async () => {
    await stopMissionLogs(logs);
    await witnesses?.close();
  };
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // onReady hooks ran (the read model's follower, the webhook dispatcher): stop them before the
    // store they use goes, so nothing but this one line is printed.
    await app.close().catch(() => {});
    await stopLogs();
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new Error(
        `couldn't listen on ${config.host}:${config.port}: the port is in use (choose another with --port)`,
      );
    }
    throw new Error(`couldn't listen on ${config.host}:${config.port}: ${(err as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${displayHost}:${port}`;
  if (!config.publicUrl) {
    publicUrl = `http://localhost:${port}`;
    ctx.publicUrl = publicUrl;
  }
  if (config.demo) updateCredentialsServer(join(config.dataDir, CREDENTIALS_FILE), url);
  if (config.demo) {
    // The demo's story, filed once through the same path as every submission; then its news,
    // coded (in a worker, meanwhile) with the mission document and filed by the analyst desk.
    let news: DemoNewsJob | null = null;
    try {
      news = await startAllDemoNews(ctx, join(config.dataDir, CREDENTIALS_FILE));
      await seedDemoStory(ctx, join(config.dataDir, CREDENTIALS_FILE));
      await news.file();
    } catch (err) {
      await news?.stop();
      await app.close();
      await stopLogs();
      await store.close();
      throw err;
    }
  }

  let closed = false;
  return {
    url,
    app,
    store,
    async close() {
      if (closed) return;
      closed = true;
      // Stop taking requests, let the sequencers integrate what they hold and publish, then close.
      await app.close();
      await stopLogs();
      await store.close();
    },
  };
}

/** The credentials file names the server; with --port 0 it is known only once listening. */
function updateCredentialsServer(path: string, url: string): void {
  const credentials = JSON.parse(readFileSync(path, 'utf8')) as Credentials;
  if (credentials.server === url) return;
  writeSecretFile(path, JSON.stringify({ ...credentials, server: url }, null, 2) + '\n');
}
