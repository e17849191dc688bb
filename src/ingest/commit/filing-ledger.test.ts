import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePlainText } from '../article/plain-text.js';
import { codeArticle } from '../code/coder.js';
import { IngestError } from '../errors.js';
import { articleBody } from './article-body.js';
import { FilingLedger } from './filing-ledger.js';

function body(text: string, url: string | null) {
  const article = parsePlainText(`Published: 2025-10-13\n\nA headline\n\n${text}`, { url });
  return articleBody(article, codeArticle(article));
}

const A = body(
  'Pakistan closed the Torkham border crossing on Sunday, officials said.',
  'https://news.example/a',
);
const B = body(
  'Afghan forces fired mortars at posts near Angoor Adda on Saturday.',
  'https://news.example/b',
);

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-ledger-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('filing ledger: a second run files nothing it filed before', () => {
  withDir((dir) => {
    const path = join(dir, 'filed.jsonl');
    const first = new FilingLedger(path, 'pak-afg');
    const plan = first.plan([A, B]);
    assert.equal(plan.toFile.length, 2);
    first.record(A, 41);
    first.record(B, 42);
    const second = new FilingLedger(path, 'pak-afg').plan([A, B]);
    assert.equal(second.toFile.length, 0);
    assert.deepEqual(
      second.alreadyFiled.map((f) => f.index),
      [41, 42],
    );
  });
});

test('filing ledger: the same text under another link, or the same link re-coded, counts as filed', () => {
  withDir((dir) => {
    const ledger = new FilingLedger(join(dir, 'filed.jsonl'), 'pak-afg');
    ledger.record(A, 7);
    const sameText = { ...A, url: 'https://mirror.example/a' };
    const sameLink = { ...B, url: A.url };
    assert.equal(ledger.filed(sameText)?.index, 7);
    assert.equal(ledger.filed(sameLink)?.index, 7);
    assert.equal(ledger.filed(B), null);
  });
});

test('filing ledger: one article twice in one run is filed once; other missions are apart', () => {
  withDir((dir) => {
    const path = join(dir, 'filed.jsonl');
    const plan = new FilingLedger(path, 'pak-afg').plan([A, A, B]);
    assert.deepEqual(
      plan.toFile.map((b) => b.url),
      [A.url, B.url],
    );
    assert.equal(plan.alreadyFiled.length, 1);
    new FilingLedger(path, 'thai-cam').record(A, 3);
    assert.equal(new FilingLedger(path, 'pak-afg').filed(A), null);
    assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 1);
  });
});

test('filing ledger: a damaged line is named, with the way out', () => {
  withDir((dir) => {
    const path = join(dir, 'filed.jsonl');
    writeFileSync(path, '{"mission":"pak-afg"\n');
    assert.throws(
      () => new FilingLedger(path, 'pak-afg'),
      (err: unknown) =>
        err instanceof IngestError && /filed\.jsonl:1: .*not JSON; fix or remove/.test(err.message),
    );
  });
});
