// src/tlog must run unchanged in browsers: no node:* imports, no Buffer, no process, and no
// imports from the rest of the project. Test files (*.test.ts) are exempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const SOURCES = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

test('library files import only each other and @noble packages', () => {
  assert.ok(SOURCES.length >= 10);
  for (const file of SOURCES) {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      assert.ok(
        /^\.\/[a-z0-9-]+\.js$/.test(spec) || /^@noble\/(hashes|curves)\//.test(spec),
        `${file} imports ${spec}`,
      );
    }
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.ok(
      !/\bBuffer\b|\bprocess\.|\brequire\(|\b__dirname\b/.test(code),
      `${file} uses a Node-only global`,
    );
  }
});

test('index.ts only re-exports', () => {
  const lines = readFileSync(join(DIR, 'index.ts'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('//'));
  for (const l of lines) assert.match(l, /^export \* from '\.\/[a-z0-9-]+\.js';$/);
});
