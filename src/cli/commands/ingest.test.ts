// `truceline ingest --mission <slug|file>` (issue 13, item 2): the coder's region comes from the
// mission; without one it codes news from anywhere; a mission that cannot be found is one clear line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = new URL('../main.ts', import.meta.url).href;

function truceline(args: string[]) {
  const script = `import { main } from ${JSON.stringify(CLI)}; process.exitCode = await main(${JSON.stringify(args)});`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TRUCELINE_DATA: '' },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'truceline-ingest-mission-'));
// A name two countries share, with nothing in the text to tell them apart: the mission decides.
const file = join(dir, 'blast.txt');
writeFileSync(
  file,
  'Published: 2025-10-20\n\nBlast\n\nA bomb blast in Hyderabad killed two people on Sunday.\n',
);

function countries(out: string): string[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(
      (l) => (JSON.parse(l) as { location: { country: string } | null }).location?.country ?? '',
    );
}

test('ingest --mission: the mission region is the prior among same-named places', () => {
  const none = truceline(['ingest', file, '--json', '--no-progress']);
  assert.equal(none.status, 0, none.stderr);
  assert.deepEqual(countries(none.stdout), ['IN']);
  const bySlug = truceline(['ingest', file, '--json', '--no-progress', '--mission', 'pak-afg']);
  assert.equal(bySlug.status, 0, bySlug.stderr);
  assert.deepEqual(countries(bySlug.stdout), ['PK']);
  const byFile = truceline([
    'ingest',
    file,
    '--json',
    '--no-progress',
    '--mission',
    join(ROOT, 'missions', 'pak-afg.json'),
  ]);
  assert.equal(byFile.status, 0, byFile.stderr);
  assert.deepEqual(countries(byFile.stdout), ['PK']);
});

test('ingest --mission: an unknown mission is one line naming the way out', () => {
  const r = truceline(['ingest', file, '--json', '--mission', 'no-such-mission']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no mission "no-such-mission".*pass a mission file/);
  assert.equal(r.stdout, '');
});
