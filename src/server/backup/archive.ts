// A backup is a directory: manifest.json, the store snapshot (store.sqlite or store.pgdump) and
// data/ (the data directory's other files: log and witness keys, witness state, credentials).
// The manifest lists every file with its SHA-256, so a restore refuses a damaged or partial copy.
// It holds secret keys: it is written with mode 0700/0600, like the data directory itself.
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import {
  backupPostgres,
  backupSqlite,
  checkSqlite,
  restorePostgres,
  type StoreLocation,
} from '../../store/backup.js';
import { DEFAULT_SQLITE_FILE } from '../../store/open.js';

export const BACKUP_FORMAT = 'truceline-backup/v1';
export const MANIFEST_FILE = 'manifest.json';

const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  /** The data directory the backup was taken from (absolute), to re-point credential files. */
  dataDir: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

const STORE_FILE = { sqlite: 'store.sqlite', postgres: 'store.pgdump' } as const;

/** The store's location from --db and the data directory (as src/store/open.ts chooses it). */
export function storeLocation(db: string, dataDir: string): StoreLocation {
  if (db === 'sqlite') return { kind: 'sqlite', path: join(dataDir, DEFAULT_SQLITE_FILE) };
  if (db.startsWith('sqlite:')) return { kind: 'sqlite', path: resolve(db.slice(7)) };
  return { kind: 'postgres', url: db };
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every regular file under `dir`, as paths relative to it (sorted). */
function listFiles(dir: string, skip: (abs: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const abs = join(at, name);
      if (skip(abs)) continue;
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else if (st.isFile()) out.push(relative(dir, abs));
    }
  };
  walk(dir);
  return out;
}

function staging(target: string): string {
  const dir = `${resolve(target)}.partial-${randomBytes(4).toString('hex')}`;
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

function requireEmptyOrAbsent(dir: string, what: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`couldn't write ${what} ${dir}: it exists and is not empty (choose a new one)`);
}

/**
 * Backs up the data directory and its store into `out` (a new directory). The files are copied
 * before the store snapshot so the witness state in the copy is never newer than its log: a
 * restored log can always prove consistency to it.
 */
export async function createBackup(
  dataDir: string,
  location: StoreLocation,
  out: string,
): Promise<Manifest> {
  const data = resolve(dataDir);
  if (!existsSync(data)) throw new Error(`couldn't back up ${data}: no such data directory`);
  requireEmptyOrAbsent(out, 'the backup');
  const stage = staging(out);
  try {
    const sqliteFiles =
      location.kind === 'sqlite'
        ? new Set(['', '-wal', '-shm', '-journal'].map((s) => resolve(location.path) + s))
        : new Set<string>();
    // Skip the live database and anything resembling an earlier backup or staging directory.
    const skip = (abs: string) =>
      sqliteFiles.has(abs) || /\.partial-[0-9a-f]{8}$/.test(abs) || abs === resolve(out);
    const files: Manifest['files'] = [];
    for (const rel of listFiles(data, skip)) {
      const to = join(stage, 'data', rel);
      mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
      copyFileSync(join(data, rel), to);
      chmodSync(to, 0o600);
      files.push({ path: ['data', ...rel.split(sep)].join('/'), sha256: '', size: 0 });
    }
    const storeFile = join(stage, STORE_FILE[location.kind]);
    if (location.kind === 'sqlite') await backupSqlite(location.path, storeFile);
    else await backupPostgres(location.url, storeFile);
    chmodSync(storeFile, 0o600);
    files.push({ path: STORE_FILE[location.kind], sha256: '', size: 0 });
    for (const f of files) {
      const abs = join(stage, ...f.path.split('/'));
      f.sha256 = sha256File(abs);
      f.size = statSync(abs).size;
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      dataDir: data,
      store: location.kind,
      files,
    };
    writeFileSync(join(stage, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', {
      mode: 0o600,
    });
    if (existsSync(out)) rmSync(out, { recursive: true });
    renameSync(stage, out);
    return manifest;
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
}

/** Reads and checks a backup: the manifest's format and every file's size and SHA-256. */
export function readBackup(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(
      `couldn't read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} (is ${dir} a truceline backup?)`,
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`couldn't read ${path}: not a ${BACKUP_FORMAT} manifest`);
  for (const f of parsed.data.files) {
    if (f.path.split('/').includes('..'))
      throw new Error(`couldn't restore: the manifest names a path outside the backup (${f.path})`);
    const abs = join(dir, ...f.path.split('/'));
    if (!existsSync(abs)) throw new Error(`couldn't restore: ${f.path} is missing from the backup`);
    if (sha256File(abs) !== f.sha256)
      throw new Error(
        `couldn't restore: ${f.path} differs from the manifest (the backup is damaged)`,
      );
  }
  return parsed.data;
}

/** Credential files record absolute key paths: point them at the restored data directory. */
function repointCredentials(file: string, from: string, to: string): void {
  const rewrite = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v === from || v.startsWith(from + sep) ? to + v.slice(from.length) : v;
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
    return v;
  };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return; // not JSON: leave it as it was backed up
  }
  writeFileSync(file, JSON.stringify(rewrite(json), null, 2) + '\n', { mode: 0o600 });
}

/** Restores a backup into a new data directory and a new (absent or empty) store. */
export async function restoreBackup(
  backup: string,
  dataDir: string,
  location: StoreLocation,
): Promise<Manifest> {
  const manifest = readBackup(backup);
  if (manifest.store !== location.kind)
    throw new Error(
      `couldn't restore a ${manifest.store} backup into a ${location.kind} store (pass --db ${manifest.store === 'sqlite' ? 'sqlite' : 'postgres://…/EMPTY_DB'})`,
    );
  const data = resolve(dataDir);
  requireEmptyOrAbsent(data, 'the data directory');
  if (location.kind === 'sqlite' && existsSync(location.path))
    throw new Error(`couldn't restore into ${location.path}: the file exists (choose a new --db)`);
  const stage = staging(data);
  try {
    for (const f of manifest.files) {
      if (!f.path.startsWith('data/')) continue;
      const to = join(stage, ...f.path.slice(5).split('/'));
      mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
      copyFileSync(join(backup, ...f.path.split('/')), to);
      chmodSync(to, 0o600);
      if (/credentials\.json$/.test(f.path) && !f.path.slice(5).includes('/'))
        repointCredentials(to, manifest.dataDir, data);
    }
    if (existsSync(data)) rmSync(data, { recursive: true });
    renameSync(stage, data);
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
  const storeFile = join(backup, STORE_FILE[manifest.store]);
  if (location.kind === 'sqlite') {
    mkdirSync(dirname(location.path), { recursive: true });
    copyFileSync(storeFile, location.path);
    chmodSync(location.path, 0o600);
    checkSqlite(location.path);
  } else {
    await restorePostgres(storeFile, location.url);
  }
  return manifest;
}
