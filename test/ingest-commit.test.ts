// `truceline ingest --commit` end to end: a real `truceline serve --demo`, the demo analyst's
// credentials, one signed `article` entry per article in the mission's log.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseEntry } from '../src/core/envelope.js';
import { runCli, startServe, ROOT } from './support/cli.js';

test('ingest --commit files one signed article entry per article', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-ingest-'));
  const data = join(dir, 'data');
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  for (const name of ['01-wire-torkham-closure.txt', '06-claims-counterclaims.txt'])
    copyFileSync(join(ROOT, 'testdata/ingest/dev', name), join(articles, name));
  const server = await startServe(['--demo', '--port', '0', '--data', data]);
  try {
    const creds = join(data, 'demo-credentials.json');
    const args = ['ingest', articles, '--commit', '--credentials', creds];
    const r = runCli([...args, '--as', 'analyst', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; id: string; events: number; headline: string });
    assert.equal(lines.length, 2);
    const analyst = JSON.parse(readFileSync(creds, 'utf8')).users.analyst as { author: string };
    for (const line of lines) {
      assert.equal(typeof line.index, 'number', JSON.stringify(line));
      assert.ok(line.events > 0);
      const res = await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${line.index}`);
      assert.equal(res.status, 200);
      const envelope = parseEntry(new Uint8Array(await res.arrayBuffer()));
      assert.equal(envelope.kind, 'article');
      assert.equal(envelope.id, line.id);
      assert.equal(envelope.author, analyst.author);
      const body = envelope.body as { headline: string; events: unknown[]; contentSha256: string };
      assert.equal(body.headline, line.headline);
      assert.equal(body.events.length, line.events);
      assert.match(body.contentSha256, /^[0-9a-f]{64}$/);
      const proof = await fetch(
        `${server.url}/api/v1/missions/pak-afg/entries/${line.index}/proof`,
      );
      assert.equal(proof.status, 200);
    }

    // Run again (readable output): nothing is filed twice; each article is named with its index.
    const size = async () =>
      (
        (await (await fetch(`${server.url}/api/v1/missions/pak-afg/log`)).json()) as {
          size: number;
        }
      ).size;
    const sizeBefore = await size();
    const readable = runCli([...args, '--as', 'analyst']);
    assert.equal(readable.code, 0, readable.stderr);
    assert.match(readable.stdout, /0 of 2 articles committed to pak-afg \(2 filed before\)/);
    for (const line of lines)
      assert.match(readable.stdout, new RegExp(`already filed at #${line.index}\\b`));
    assert.equal(await size(), sizeBefore, 'the second run filed nothing');
    // One-line failures: an unknown user, no credentials.
    const unknown = runCli([...args, '--as', 'nobody']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^truceline: no user "nobody"/);
    const missing = runCli(['ingest', articles, '--commit']);
    assert.notEqual(missing.code, 0);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
