// Imports point one way (docs/architecture.md "Layout"): tlog ← core ← store/log/ingest ← server/cli, and web
// imports only tlog and core. This test reads every source file's imports and fails on a crossing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Which project modules each module may import (besides itself and npm packages). */
export const ALLOWED: Record<string, readonly string[]> = {
  tlog: [],
  core: ['tlog'],
  store: ['tlog', 'core'],
  log: ['tlog', 'core', 'store'],
  ingest: ['tlog', 'core'],
  server: ['tlog', 'core', 'store', 'log', 'ingest'],
  cli: ['tlog', 'core', 'store', 'log', 'ingest', 'server'],
  web: ['tlog', 'core'],
};
/** Modules that must run unchanged in the browser: no Node built-ins outside their tests. */
const ISOMORPHIC = new Set(['tlog', 'core']);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  // Comments may quote imports (e.g. usage examples): drop them first.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** The project module a file belongs to: src/<module>/… or web/…, else undefined. */
export function moduleOf(path: string): string | undefined {
  const rel = relative(ROOT, path).split('\\').join('/');
  if (rel.startsWith('web/')) return 'web';
  const m = /^src\/([^/]+)\//.exec(rel);
  return m?.[1];
}

export function violations(file: string, text: string): string[] {
  const from = moduleOf(file);
  if (!from) return [];
  const problems: string[] = [];
  const isTest = /\.test(-suite|-support)?\.ts$/.test(file);
  for (const spec of importsOf(text)) {
    if (spec.startsWith('.')) {
      const to = moduleOf(resolve(dirname(file), spec));
      if (to && to !== from && !ALLOWED[from]?.includes(to)) {
        problems.push(`${relative(ROOT, file)} imports ${spec}: ${from} may not import ${to}`);
      }
    } else if (
      ISOMORPHIC.has(from) &&
      !isTest &&
      (spec.startsWith('node:') || spec === 'fs' || spec === 'path')
    ) {
      problems.push(`${relative(ROOT, file)} imports ${spec}: ${from} must run in the browser`);
    }
  }
  return problems;
}

test('no import crosses the module boundaries', () => {
  const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'web'))];
  assert.ok(files.length > 20, `found only ${files.length} source files`);
  const problems = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
  assert.deepEqual(problems, []);
});

test('the checker catches crossings it is meant to catch', () => {
  const fake = (p: string) => join(ROOT, p);
  assert.equal(violations(fake('src/tlog/x.ts'), "import { a } from '../core/b.js';").length, 1);
  assert.equal(
    violations(fake('src/core/x.ts'), "import type { S } from '../store/store.js';").length,
    1,
  );
  assert.equal(
    violations(fake('src/ingest/x.ts'), "export { s } from '../server/app.js';").length,
    1,
  );
  assert.equal(
    violations(fake('web/src/x.ts'), "const m = await import('../../src/store/open.js');").length,
    1,
  );
  assert.equal(
    violations(fake('src/core/x.ts'), "import { readFileSync } from 'node:fs';").length,
    1,
  );
  assert.equal(
    violations(fake('src/core/x.test.ts'), "import { readFileSync } from 'node:fs';").length,
    0,
  );
  assert.equal(violations(fake('src/cli/x.ts'), "import { a } from '../server/app.js';").length, 0);
  assert.equal(
    violations(fake('src/tlog/x.ts'), "// import { hash } from 'node:crypto';").length,
    0,
  );
  assert.equal(
    violations(fake('web/src/x.ts'), "import { a } from '../../src/core/envelope.js';").length,
    0,
  );
});
