// The CLI as users run it: help, errors as one line with a non-zero exit, keygen, init from a
// mission file (a second mission needs no code change), serve --demo and its failure modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseSignerKey,
  parseVerifierKey,
  verifierKeyFromSignerKey,
} from '../src/tlog/note-key.js';
import { runCli, startServe, ROOT } from './support/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'truceline-cli-'));

function oneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.notEqual(r.code, 0, 'exit code must be non-zero');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got: ${r.stderr}`);
  assert.match(lines[0]!, pattern);
}

test('--help lists the commands; no arguments prints help', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  for (const cmd of ['serve', 'init', 'keygen']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
  assert.match(runCli([]).stdout, /Usage: truceline/);
  assert.match(runCli(['serve', '--help']).stdout, /--demo/);
});

test('unknown commands and bad flags are one-line errors', () => {
  // Usage errors are this CLI's own one line with the way out, exit 2 (issue 9, finding 6).
  const unknown = runCli(['frobnicate']);
  oneLineError(unknown, /^truceline: unknown command "frobnicate" \(see truceline --help\)$/);
  assert.equal(unknown.code, 2);
  const badFlag = runCli(['serve', '--nope']);
  oneLineError(badFlag, /^truceline: unknown option "--nope" \(see truceline <command> --help\)$/);
  assert.equal(badFlag.code, 2);
  oneLineError(runCli(['serve', '--port', 'eighty']), /port/);
  oneLineError(runCli(['serve', '--db', 'mysql://x']), /db must be sqlite/);
  oneLineError(runCli(['keygen']), /--name/);
});

test('keygen writes a 0600 signed-note private key and prints the matching vkey', () => {
  const dir = tmp();
  try {
    const file = join(dir, 'k.key');
    const r = runCli(['keygen', '--name', 'pk-liaison.pak-afg', '--out', file]);
    assert.equal(r.code, 0, r.stderr);
    const vkey = r.stdout.trim();
    const skey = readFileSync(file, 'utf8').trim();
    assert.match(skey, /^PRIVATE\+KEY\+pk-liaison\.pak-afg\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(verifierKeyFromSignerKey(skey), vkey);
    assert.equal(parseVerifierKey(vkey).type, 0x01);
    oneLineError(
      runCli(['keygen', '--name', 'pk-liaison.pak-afg', '--out', file]),
      /already exists/,
    );
    oneLineError(
      runCli(['keygen', '--name', 'bad name', '--out', join(dir, 'x')]),
      /invalid key name/,
    );
    const w = runCli([
      'keygen',
      '--name',
      'witness.example',
      '--witness',
      '--json',
      '--out',
      join(dir, 'w.key'),
    ]);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(parseSignerKey(readFileSync(join(dir, 'w.key'), 'utf8').trim()).type, 0x04);
    assert.equal(parseVerifierKey(JSON.parse(w.stdout).vkey).type, 0x04);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another mission is created from a file of the same shape and served', async () => {
  const dir = tmp();
  try {
    const doc = JSON.parse(readFileSync(join(ROOT, 'missions/pak-afg.json'), 'utf8'));
    const other = {
      ...doc,
      slug: 'arm-aze',
      name: 'Armenia–Azerbaijan border monitoring',
      region: { center: [45.5, 40.5], zoom: 5, countries: ['AM', 'AZ'] },
      organisations: [
        { code: 'AM', name: 'Armenia', kind: 'party', country: 'AM' },
        { code: 'AZ', name: 'Azerbaijan', kind: 'party', country: 'AZ' },
        { code: 'EU', name: 'European Union', kind: 'mediator' },
        { code: 'MT', name: 'Monitors', kind: 'monitor' },
      ],
      boundaries: [
        {
          ...doc.boundaries[0],
          name: 'Border',
          source: { ...doc.boundaries[0].source, between: ['051', '031'] },
        },
      ],
      crossings: [],
      agreements: [
        {
          id: 'accord',
          title: 'Accord',
          date: '2025-08-08',
          place: 'Washington',
          mediators: ['EU'],
          summary: 'Peace.',
        },
      ],
      terms: [{ ...doc.terms[0], agreement: 'accord', obliged: ['AM', 'AZ'] }],
      workflow: { ...doc.workflow, endorsementsRequired: 1 },
      witnesses: [{ name: 'witness.eu.arm-aze', operator: 'EU' }],
      witnessQuorum: 1,
      demoUsers: [
        { name: 'am-liaison', org: 'AM', role: 'party', displayName: 'Armenia liaison' },
        { name: 'eu-mediator', org: 'EU', role: 'mediator', displayName: 'EU mediator' },
      ],
    };
    const file = join(dir, 'arm-aze.json');
    writeFileSync(file, JSON.stringify(other));
    const data = join(dir, 'data');
    const r = runCli(['init', '--mission', file, '--data', data, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const credentials = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(credentials.users).sort(), ['am-liaison', 'eu-mediator']);
    // The file lists no stewards: provisioning generated them, and init says who holds them.
    assert.match(
      r.stderr,
      /^truceline: warning: the operator holds the generated key stewards of [A-Z, ]*\bAM\b.*organisations\[\]\.stewards/m,
    );
    assert.equal(statSync(join(data, 'arm-aze-credentials.json')).mode & 0o777, 0o600);
    oneLineError(runCli(['init', '--mission', file, '--data', data]), /already/);

    const server = await startServe(['--port', '0', '--data', data]);
    try {
      const missions = await (await fetch(`${server.url}/api/v1/missions`)).json();
      assert.deepEqual(
        missions.missions.map((m: { slug: string }) => m.slug),
        ['arm-aze'],
      );
      const mission = await (await fetch(`${server.url}/api/v1/missions/arm-aze`)).json();
      assert.equal(mission.boundaries[0].geometry.type, 'MultiLineString');
      assert.ok(mission.boundaries[0].geometry.coordinates.length > 0);
      assert.equal(mission.demoUsers, undefined, 'user lists are not public');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a malformed mission file is a one-line error naming the field, leaving nothing behind', () => {
  const dir = tmp();
  try {
    const doc = JSON.parse(readFileSync(join(ROOT, 'missions/pak-afg.json'), 'utf8'));
    const bad = { ...doc, workflow: { ...doc.workflow, endorsementsRequired: 3 } };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const data = join(dir, 'data');
    oneLineError(
      runCli(['init', '--mission', file, '--data', data]),
      /workflow\.endorsementsRequired: needs 3 endorsements/,
    );
    assert.equal(existsSync(data), false);
    writeFileSync(file, '{"slug": ');
    oneLineError(
      runCli(['init', '--mission', file, '--data', data]),
      /couldn't parse mission file/,
    );
    oneLineError(
      runCli(['init', '--mission', join(dir, 'missing.json'), '--data', data]),
      /ENOENT/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --demo: first start provisions, credentials are 0600, SIGTERM exits cleanly, restart reuses data', async () => {
  const dir = tmp();
  const data = join(dir, 'data');
  try {
    const server = await startServe(['--demo', '--port', '0', '--data', data]);
    let firstToken: string;
    try {
      const health = await (await fetch(`${server.url}/api/v1/health`)).json();
      assert.deepEqual(
        { status: health.status, store: health.store },
        { status: 'ok', store: 'sqlite' },
      );
      const mission = await (await fetch(`${server.url}/api/v1/missions/pak-afg`)).json();
      assert.deepEqual(
        mission.crossings.map((c: { id: string }) => c.id),
        [
          'torkham',
          'chaman-spin-boldak',
          'angoor-adda',
          'ghulam-khan',
          'kharlachi',
          'badini',
          'arandu',
        ],
      );
      assert.match(mission.log.vkey, /^localhost\/pak-afg\+[0-9a-f]{8}\+/);
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const missing = await fetch(`${server.url}/api/v1/missions/nowhere`);
      assert.equal(missing.status, 404);
      assert.equal((await missing.json()).error.code, 'not_found');

      const file = join(data, 'demo-credentials.json');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const credentials = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(credentials.server, server.url);
      const roles = Object.values(credentials.users).map((u) => (u as { role: string }).role);
      for (const role of ['party', 'monitor', 'analyst', 'mediator', 'admin'])
        assert.ok(roles.includes(role), role);
      for (const user of Object.values(credentials.users) as { token: string; keyFile: string }[]) {
        assert.match(user.token, /^tl_/);
        assert.equal(statSync(user.keyFile).mode & 0o777, 0o600);
        parseSignerKey(readFileSync(user.keyFile, 'utf8').trim());
      }
      firstToken = credentials.users['pk-liaison'].token;
      const db = readFileSync(join(data, 'truceline.db'));
      assert.equal(db.includes(Buffer.from(firstToken)), false, 'tokens are stored hashed');
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0);
    }
    const again = await startServe(['--demo', '--port', '0', '--data', data]);
    try {
      const credentials = JSON.parse(readFileSync(join(data, 'demo-credentials.json'), 'utf8'));
      assert.equal(credentials.users['pk-liaison'].token, firstToken);
      assert.equal((await (await fetch(`${again.url}/api/v1/missions`)).json()).missions.length, 1);
    } finally {
      assert.equal(await again.stop('SIGINT'), 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: a port in use, an unreachable database and an unusable data dir are one-line errors', async () => {
  const dir = tmp();
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  try {
    oneLineError(
      runCli(['serve', '--port', String(port), '--data', join(dir, 'a')]),
      /port is in use.*--port/,
    );
    oneLineError(
      runCli([
        'serve',
        '--port',
        '0',
        '--data',
        join(dir, 'b'),
        '--db',
        'postgres://postgres@127.0.0.1:1/none',
      ]),
      /couldn't connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/none/,
    );
    writeFileSync(join(dir, 'file'), '');
    oneLineError(
      runCli(['serve', '--demo', '--port', '0', '--data', join(dir, 'file', 'data')]),
      /--data/,
    );
    assert.deepEqual(
      readdirSync(dir).sort(),
      ['a', 'b', 'file'].filter((n) => existsSync(join(dir, n))).sort(),
    );
    assert.ok(
      !readdirSync(dir).some((n) => n.includes('.init-')),
      'no staging directory left behind',
    );
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
