// The data directory holds confidential records, password hashes and signing keys: it is made
// owner-only (0700), one component at a time. Node's recursive mkdir loops forever on paths like
// /proc/x (mkdir answers ENOENT for a parent that exists), so the walk is written out here, and
// every failure becomes one line naming the directory, the problem and the way out.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'this file system does not allow creating it',
  ENOTDIR: 'a parent is a file, not a directory',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file of that name exists',
};

export function dataDirProblem(dir: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const problem = PROBLEMS[code] ?? (err instanceof Error ? err.message : String(err));
  return new Error(
    `couldn't use the data directory ${dir}: ${problem} (choose a writable --data directory)`,
  );
}

/** Creates `dir` (and missing parents) as 0700; an existing directory is made 0700 when `restrict`. */
export function ensureDataDir(dir: string, restrict: boolean): void {
  const target = resolve(dir);
  const missing: string[] = [];
  let p = target;
  while (!existsSync(p)) {
    missing.unshift(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  try {
    if (!statSync(p).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    for (const m of missing) mkdirSync(m, { mode: 0o700 });
    if (restrict || missing.length > 0) chmodSync(target, 0o700);
  } catch (err) {
    throw dataDirProblem(dir, err);
  }
}
