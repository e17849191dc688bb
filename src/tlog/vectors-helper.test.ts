// Test-only helpers (no tests of its own; named *.test.ts so module-boundary checks treat it as test code):
// locate vectors relative to the repository root, independent of cwd.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reads a JSON vector file from the repo's testdata/tlog/. */
export function readTlogVector<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'testdata', 'tlog', name), 'utf8')) as T;
}

/** Absolute path of a folder under the repo's testdata/tlog/ (published vectors, SOURCE.md beside them). */
export function tlogTestdata(...parts: string[]): string {
  return join(REPO_ROOT, 'testdata', 'tlog', ...parts);
}

/** All *.json files under a directory, recursively, sorted. */
export function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFilesUnder(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
