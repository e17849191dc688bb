// The server of bench/read-load.bench.ts, run as its own process:
//   node --import tsx bench/read-load-server.ts <data dir> <db>
// Serves the (already provisioned) demo data directory on 127.0.0.1 with a free port, prints one
// line `listening <url>`, and stops cleanly on SIGTERM.
import { resolveConfig } from '../src/server/config.js';
import { startServer } from '../src/server/serve.js';

const [dataDir, db] = process.argv.slice(2);
const server = await startServer(
  resolveConfig({ port: 0, host: '127.0.0.1', dataDir: dataDir!, db: db!, demo: true }, {}),
);
console.log(`listening ${server.url}`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
