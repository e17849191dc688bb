// Where an audit reads a log from: the C2SP endpoints of a server (c2sp.org/tlog-tiles over HTTP)
// or a directory laid out the same way (a `truceline mirror` copy). Everything read is
// attacker-controlled until the audit has checked it against a policy-verified checkpoint.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entryBundlePath, tilePath } from '../tlog/tiles.js';
import { AuditError } from './audit-errors.js';

export interface LogSource {
  /** Where this source reads from (for messages). */
  readonly name: string;
  /** The signed checkpoint note (`<prefix>/checkpoint`). */
  checkpoint(): Promise<Uint8Array>;
  /** Hash tile `tile/<L>/<N>[.p/<W>]`. */
  tile(level: number, index: number, width: number): Promise<Uint8Array>;
  /** Entry bundle `tile/entries/<N>[.p/<W>]`. */
  entries(index: number, width: number): Promise<Uint8Array>;
}

/** Largest response accepted: a bundle of 256 entries of at most 65,535 bytes each, plus prefixes. */
const MAX_RESPONSE_BYTES = 256 * (2 + 65535);

/** The log prefix URL with exactly one trailing slash. */
export function logPrefixUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AuditError('unreachable', `couldn't use log URL ${JSON.stringify(url)}: not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AuditError('unreachable', `couldn't use log URL ${url}: not http(s)`);
  return u.href.replace(/\/*$/, '/');
}

/** Reads a log over HTTP from its prefix URL (e.g. http://host/log/pak-afg/). */
export function httpLogSource(
  url: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): LogSource {
  const prefix = logPrefixUrl(url);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const get = async (path: string): Promise<Uint8Array> => {
    const target = prefix + path;
    let res: Response;
    try {
      res = await doFetch(target, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new AuditError(
        'unreachable',
        `couldn't fetch ${target}: ${(err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message}`,
        { cause: err },
      );
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {});
      throw new AuditError('unreachable', `couldn't fetch ${target}: HTTP ${res.status}`);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_RESPONSE_BYTES)
      throw new AuditError('tile_mismatch', `couldn't read ${target}: response too large`);
    return bytes;
  };
  return {
    name: prefix,
    checkpoint: () => get('checkpoint'),
    tile: (level, index, width) => get(tilePath(level, index, width)),
    entries: (index, width) => get(entryBundlePath(index, width)),
  };
}

/** Reads a log from a directory in the tlog-tiles layout (what `truceline mirror` writes). */
export function dirLogSource(dir: string): LogSource {
  const get = async (path: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(join(dir, path)));
    } catch (err) {
      throw new AuditError(
        'bad_state',
        `couldn't read ${join(dir, path)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        { cause: err },
      );
    }
  };
  return {
    name: dir,
    checkpoint: () => get('checkpoint'),
    tile: (level, index, width) => get(tilePath(level, index, width)),
    entries: (index, width) => get(entryBundlePath(index, width)),
  };
}
