// Test helpers for auditing: submitting entries to a running demo, a lying proxy in front of a
// real log (it rewrites chosen responses), and forged checkpoints signed with the demo's own log
// and witness keys (what a compromised operator could publish).
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { signEnvelope } from '../../src/core/envelope.js';
import { exampleBody } from '../../src/core/examples.js';
import { signerFromNoteKey } from '../../src/core/signing.js';
import { BIN, ROOT, type CliResult } from './cli.js';
import { formatCheckpoint } from '../../src/tlog/checkpoint.js';
import { cosignatureSigner } from '../../src/tlog/cosignature.js';
import { ed25519NoteSigner, signNote } from '../../src/tlog/note.js';

interface Creds {
  users: Record<string, { token: string; keyFile: string }>;
}

/** Submits `n` signed example reports as af-liaison (concurrently); returns their indexes. */
export async function submitReports(url: string, data: string, n: number): Promise<number[]> {
  const creds = JSON.parse(readFileSync(join(data, 'demo-credentials.json'), 'utf8')) as Creds;
  const user = creds.users['af-liaison']!;
  const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
  const one = async (): Promise<number> => {
    const { bytes } = await signEnvelope(
      {
        mission: 'pak-afg',
        kind: 'report',
        body: exampleBody('report') as Record<string, unknown>,
      },
      signer,
    );
    const res = await fetch(`${url}/api/v1/missions/pak-afg/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: Buffer.from(bytes),
    });
    const json = (await res.json()) as { index?: number };
    if (res.status !== 201) throw new Error(`submit: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json.index!;
  };
  const out: number[] = [];
  for (let i = 0; i < n; i += 32)
    out.push(...(await Promise.all(Array.from({ length: Math.min(32, n - i) }, one))));
  return out;
}

/** A checkpoint note for (size, root) signed by the demo's log key and `witnesses` of its witnesses. */
export function forgeCheckpoint(
  data: string,
  origin: string,
  size: number,
  root: Uint8Array,
  witnesses = ['witness.pk.pak-afg', 'witness.af.pak-afg'],
): string {
  const key = (f: string) => readFileSync(join(data, 'keys', f), 'utf8').trim();
  const text = formatCheckpoint({ origin, size, rootHash: root, extensions: [] });
  const now = () => Math.floor(Date.now() / 1000);
  return signNote(text, [
    ed25519NoteSigner(key('log.pak-afg.key')),
    ...witnesses.map((w) => cosignatureSigner(key(`witness.${w}.key`), now)),
  ]);
}

export type Rewrite = (path: string, body: Buffer) => Buffer | string | undefined;

/** An HTTP proxy to `target` that passes `rewrite` every 200 response (return undefined to keep). */
export async function lyingProxy(
  target: string,
  rewrite: Rewrite,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(target + (req.url ?? '/'));
      let body: Buffer = Buffer.from(await upstream.arrayBuffer());
      if (upstream.status === 200) {
        const out = rewrite(new URL(req.url ?? '/', 'http://x').pathname, body);
        if (out !== undefined) body = typeof out === 'string' ? Buffer.from(out) : out;
      }
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(body);
    })().catch((err: unknown) => {
      res.writeHead(502);
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Runs the built CLI without blocking this process (runCli's spawnSync would stall the lying
 * proxies, which answer from this very event loop).
 */
/** Runs the CLI in a child; killed after `timeoutMs` (tests keep the default; benches pass more). */
export function runCliAsync(args: string[], timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
