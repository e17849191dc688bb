// `truceline report daily --format json|html|pdf -o F` against a running `serve --demo`: the JSON is
// the route's daily report, the HTML its page, and the PDF (read back with poppler's pdftotext)
// names the day, the checkpoint the JSON names, and its page numbers. A bad --format is one line.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type RunningCli } from './support/cli.js';
import { runCliAsync } from './support/lying-log.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
let dir = '';
let serve: RunningCli | undefined;
let creds = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truceline-report-cli-'));
  serve = await startServe(['--demo', '--port', '0', '--data', join(dir, 'data')]);
  creds = join(dir, 'data', 'demo-credentials.json');
});
after(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const report = (format: string, out: string) =>
  runCliAsync([
    'report',
    'daily',
    '--credentials',
    creds,
    '--as',
    'analyst',
    '--date',
    '2025-10-24',
    '--format',
    format,
    '-o',
    out,
  ]);

test('report daily in json, html and pdf', async (t) => {
  const json = join(dir, 'r.json');
  const r = await report('json', json);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(readFileSync(json, 'utf8')) as {
    kind: string;
    period: { from: string; days: number };
    checkpoint: { size: number; rootHash: string };
    counts: { total: number };
  };
  assert.deepEqual([rep.kind, rep.period.from, rep.period.days], ['daily', '2025-10-24', 1]);

  const html = join(dir, 'r.html');
  assert.equal((await report('html', html)).code, 0);
  assert.match(readFileSync(html, 'utf8'), /<h1>[^<]*Daily report 2025-10-24<\/h1>/);

  const pdf = join(dir, 'r.pdf');
  const p = await report('pdf', pdf);
  assert.equal(p.code, 0, p.stderr);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  if (!hasPoppler) return t.skip('poppler-utils not installed: apt-get install poppler-utils');
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  assert.match(text, /Daily report 2025-10-24/);
  assert.match(text, new RegExp(`size ${rep.checkpoint.size} root`));
  assert.ok(text.replace(/ /g, '').includes(rep.checkpoint.rootHash), 'the root hash');
  assert.match(text, /Page 1 of \d+/);
  assert.match(text, new RegExp(`${rep.counts.total} incidents? (was|were)`));
});

test('report with an unknown --format says which are known', async () => {
  const r = await report('docx', join(dir, 'x'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^truceline: unknown --format "docx": use json, html, pdf/);
});
