// The witness's HTTP interface (c2sp.org/tlog-witness): POST <prefix>/add-checkpoint and the
// monitoring GET <prefix>/<origin hash>/checkpoint, on node:http with keep-alive.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { MAX_ADD_CHECKPOINT_BYTES } from '../tlog/witness-request.js';
import type { Witness } from './witness.js';
import { installNativeEd25519 } from './native-ed25519.js';

export interface RunningWitness {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > limit) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(n > limit ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Serves `witness` on host:port under `prefix` (e.g. "" or "/witness"). */
export function serveWitness(
  witness: Witness,
  options: { host: string; port: number; prefix?: string },
): Promise<RunningWitness> {
  installNativeEd25519(); // each request verifies and cosigns a checkpoint: libsodium, not noble
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const send = (status: number, contentType: string, body: string) => {
      res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === `${prefix}/add-checkpoint`) {
      if (req.method !== 'POST') return send(405, 'text/plain', 'use POST\n');
      readBody(req, MAX_ADD_CHECKPOINT_BYTES)
        .then(
          async (body) => {
            if (body === undefined) return send(400, 'text/plain', 'request too large\n');
            const r = await witness.addCheckpoint(body);
            send(r.status, r.contentType, r.body);
          },
          () => send(400, 'text/plain', 'unreadable request\n'),
        )
        .catch(() => send(500, 'text/plain', 'internal error\n'));
      return;
    }
    const m = new RegExp(`^${prefix}/([0-9a-f]{64})/checkpoint$`).exec(path);
    if (m && req.method === 'GET') {
      const note = witness.checkpointFor(m[1]!);
      return note === undefined
        ? send(404, 'text/plain', 'no checkpoint cosigned for that log\n')
        : send(200, 'text/plain; charset=utf-8', note);
    }
    send(404, 'text/plain', 'not found\n');
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : options.port;
      resolve({
        url: `http://${options.host}:${port}${prefix}`,
        server,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
