// The PDF renderer: the header line is text, never markup (a hostile mission name prints as
// itself); a browser that died is started afresh for the next PDF. Read back with pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, PdfRenderer } from './pdf.js';

const text = (pdf: Buffer) =>
  spawnSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

test('pdf: header as text, a dead browser replaced', async (t) => {
  if (!existsSync(CHROMIUM_PATH)) return t.skip(`no Chromium at ${CHROMIUM_PATH}`);
  if (spawnSync('pdftotext', ['-v']).error) return t.skip('poppler-utils not installed');
  const r = new PdfRenderer();
  try {
    const hostile = '<b>bold</b> & <img src=x onerror=alert(1)>';
    const one = await r.render('<h1>First report</h1>', { header: hostile });
    assert.match(text(one), /<b>bold<\/b> & <img src=x onerror=alert\(1\)>/);
    assert.match(text(one), /First report/);
    assert.match(text(one), /Page 1 of 1/);
    const browser = await (r as unknown as { browser: Promise<Browser> }).browser;
    await browser.close();
    const two = await r.render('<h1>Second report</h1>', { header: 'after' });
    assert.match(text(two), /Second report/);
    // More requests than the renderer prints at once: every one is printed, in full.
    const many = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => r.render(`<h1>Report number ${i}</h1>`, { header: `h${i}` })),
    );
    many.forEach((pdf, i) => assert.match(text(pdf), new RegExp(`Report number ${i + 1}`)));
  } finally {
    await r.close();
  }
});
