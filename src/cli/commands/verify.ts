// `truceline verify`: audits a whole log over HTTP against a tlog-policy (`--log URL`), or checks
// one entry offline against a c2sp.org/tlog-proof bundle (`verify PROOF --entry FILE`).
// Progress goes to stderr; the result to stdout (one line, or JSON with --json); any failure exits
// non-zero with a one-line reason.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseEntry } from '../../core/envelope.js';
import { parsePolicy, type Policy } from '../../tlog/policy.js';
import { verifyProofBundle } from '../../tlog/proof-bundle.js';
import { hashLeaf } from '../../tlog/hash.js';
import { base64Encode } from '../../tlog/bytes.js';
import { AuditError } from '../../log/audit-errors.js';
import { auditLog, type AuditProgress } from '../../log/audit.js';
import { httpLogSource } from '../../log/audit-source.js';
import { readStateFile, writeFileAtomic } from '../../log/audit-state.js';

/** Reads a policy from a file or an http(s) URL. */
export async function loadPolicy(where: string): Promise<{ policy: Policy; text: string }> {
  let text: string;
  if (/^https?:\/\//.test(where)) {
    let res: Response;
    try {
      res = await fetch(where, { signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new Error(`couldn't fetch policy ${where}: ${(err as Error).message}`);
    }
    if (res.status !== 200) throw new Error(`couldn't fetch policy ${where}: HTTP ${res.status}`);
    text = await res.text();
  } else {
    try {
      text = readFileSync(where, 'utf8');
    } catch (err) {
      throw new Error(
        `couldn't read policy ${where}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  }
  return { policy: parsePolicy(text), text };
}

/** The log URL: --log, else the URL on the policy's log line. */
export function logUrlOf(policy: Policy, given: string | undefined): string {
  if (given) return given;
  const url = policy.logs.find((l) => l.url !== undefined)?.url;
  if (!url) throw new Error('verify needs --log URL (the policy names no log URL)');
  return url;
}

/** Prints progress to stderr at most once a second (nothing for short work). */
export function progressPrinter(what: string): (p: AuditProgress) => void {
  const start = Date.now();
  let last = start;
  return (p) => {
    const now = Date.now();
    if (now - last < 1000 && p.done < p.size) return;
    if (now - start < 1000) return;
    last = now;
    const pct = p.size === 0 ? 100 : Math.floor((p.done / p.size) * 100);
    process.stderr.write(`${what}: ${p.done}/${p.size} entries (${pct}%)\n`);
  };
}

async function verifyLog(opts: {
  log?: string;
  policy: string;
  state?: string;
  json?: boolean;
  workers?: string;
  batchSignatures?: boolean;
}) {
  const auto = opts.workers === undefined || opts.workers === 'auto';
  const workers = auto ? undefined : Number(opts.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64))
    throw new Error(
      `--workers must be "auto" or a whole number from 0 to 64 (0: no worker threads), not ${JSON.stringify(opts.workers)}`,
    );
  const { policy } = await loadPolicy(opts.policy);
  const url = logUrlOf(policy, opts.log);
  const previous = opts.state ? readStateFile(opts.state) : undefined;
  const started = Date.now();
  const { report, checkpoint } = await auditLog(httpLogSource(url), policy, {
    onProgress: progressPrinter('verify'),
    ...(workers === undefined ? {} : { workers }),
    ...(opts.batchSignatures ? { batchSignatures: true } : {}),
    ...(previous !== undefined ? { previous } : {}),
  });
  if (opts.state) writeFileAtomic(opts.state, checkpoint.note);
  const seconds = (Date.now() - started) / 1000;
  if (opts.json) {
    console.log(JSON.stringify({ ok: true, log: url, ...report, seconds }));
    return;
  }
  const cons =
    report.consistentWith === undefined
      ? ''
      : `, consistent with ${report.consistentWith} verified before`;
  console.log(
    `truceline: log ${report.origin} verified: ${report.size} entries, ${report.tiles} tiles, ${report.envelopes?.entries ?? 0} envelope signatures, root ${report.root}, cosigned by ${report.cosigners.join(', ') || 'no witness'} (quorum ${report.quorum})${cons}`,
  );
}

async function verifyProof(file: string, opts: { entry?: string; policy: string; json?: boolean }) {
  if (!opts.entry) throw new Error("verify PROOF needs --entry FILE (the entry's exact bytes)");
  const { policy } = await loadPolicy(opts.policy);
  const read = (path: string) => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch (err) {
      throw new Error(
        `couldn't read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  };
  const bundle = read(file);
  const entry = read(opts.entry);
  const v = verifyProofBundle(bundle, hashLeaf(entry), policy);
  let envelope: { kind: string; id: string; author: string } | undefined;
  try {
    const e = parseEntry(entry);
    envelope = { kind: e.kind, id: e.id, author: e.author };
  } catch {
    envelope = undefined;
  }
  const out = {
    ok: true,
    index: v.index,
    origin: v.checkpoint.origin,
    size: v.checkpoint.size,
    root: base64Encode(v.checkpoint.rootHash),
    cosigners: v.cosigners.map((c) => c.name),
    ...(envelope ? { entry: envelope } : {}),
  };
  if (opts.json) console.log(JSON.stringify(out));
  else
    console.log(
      `truceline: entry ${v.index}${envelope ? ` (${envelope.kind} ${envelope.id})` : ''} is in log ${out.origin} at size ${out.size}, cosigned by ${out.cosigners.join(', ') || 'no witness'}`,
    );
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'audit a whole log (--log URL --policy FILE|URL [--state FILE]) or check one entry offline (PROOF.tlog-proof --entry FILE --policy FILE)',
    )
    .argument('[proof]', 'a .tlog-proof bundle to check offline')
    .requiredOption('--policy <file|url>', 'c2sp.org/tlog-policy: log key, witness keys, quorum')
    .option(
      '--log <url>',
      'the log prefix URL, e.g. http://host/log/pak-afg/ (default: from the policy)',
    )
    .option(
      '--state <file>',
      'the checkpoint verified last time: check consistency, then replace it',
    )
    .option('--entry <file>', 'with PROOF: the entry bytes the proof is for')
    .option('--json', 'print the result as JSON')
    .option(
      '--workers <n>',
      'worker threads that hash, parse and check the signatures of entries: auto (one per core, for logs of 1,024 entries or more) or a number (0: none)',
      'auto',
    )
    .option(
      '--batch-signatures',
      "check each bundle's signatures in one batch: about 3x faster, but a signature its own key's holder built to hold only up to a small-order point passes up to half the time, where libsodium and Go's crypto/ed25519 refuse it (default: one by one, every verdict theirs)",
    )
    .action(
      async (
        proof: string | undefined,
        opts: {
          log?: string;
          policy: string;
          state?: string;
          entry?: string;
          json?: boolean;
          workers?: string;
          batchSignatures?: boolean;
        },
      ) => {
        try {
          if (proof !== undefined) await verifyProof(proof, opts);
          else await verifyLog(opts);
        } catch (err) {
          if (opts.json)
            console.log(
              JSON.stringify({
                ok: false,
                code: (err as { code?: string }).code ?? 'error',
                error: (err as Error).message,
              }),
            );
          if (err instanceof AuditError)
            throw new Error(`verification failed: ${err.message}`, { cause: err });
          throw err;
        }
      },
    );
}
