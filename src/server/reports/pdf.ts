// A report's PDF, printed by headless Chromium (playwright-core's page.pdf) from the report's own
// HTML: page numbers in the footer, the checkpoint in every page's header, an outline from the
// headings (`outline`) and a tagged PDF (`tagged`: the DOM's structure, for screen readers).
// Chosen by measuring (bench/report-pdf.bench.ts, and pdfkit 0.17 tried outside the repo on this
// 2-CPU machine): Chromium printed the demo's period report in 3.8 s cold (launch included) and a
// median 0.9 s warm (151 KiB, 4 pages, tagged, outline); pdfkit wrote comparable text in 50 ms, but
// only after a second, hand-written layout of every table and chart, and it tags only what the code
// marks by hand. Reports are made on request, not per page view, so the same HTML printed by a
// browser wins; the one browser per server is started on the first PDF and kept.
// The page runs no script and loads nothing: JavaScript is off and every request is aborted.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { HttpError } from '../http-errors.js';
import { esc } from './html.js';

export const CHROMIUM_PATH = process.env.TRUCELINE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface PdfLabels {
  /** The line every page's header carries: the checkpoint the figures were computed at. */
  header: string;
}

/** One Chromium per owner (a server), started on first use and closed with it. */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;

  private start(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH))
      throw new HttpError(
        503,
        'pdf_unavailable',
        `couldn't make the PDF: no Chromium at ${CHROMIUM_PATH} (install chromium, or set TRUCELINE_CHROMIUM); format=html gives the same report`,
      );
    if (!this.browser) {
      // Loaded on the first PDF, not at start (playwright-core costs a second or more to load).
      const launched = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS }),
      );
      this.browser = launched;
      // A failed launch or a browser that died is started afresh on the next PDF.
      const forget = () => {
        if (this.browser === launched) this.browser = undefined;
      };
      launched.then((b) => b.on('disconnected', forget), forget);
    }
    return this.browser;
  }

  /** Printing is costly (a second or so of CPU): at most this many at once, the rest wait in turn. */
  static readonly CONCURRENCY = 2;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async render(html: string, labels: PdfLabels): Promise<Buffer> {
    if (this.running >= PdfRenderer.CONCURRENCY)
      await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await this.print(html, labels);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async print(html: string, labels: PdfLabels): Promise<Buffer> {
    const browser = await this.start();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      // Chromium's header and footer have no margin of their own: pad them to the page's, and let
      // the checkpoint line (its root hash is 44 characters) wrap rather than run off the page.
      const small =
        'font-size:7px;width:100%;padding:0 12mm;text-align:center;font-family:sans-serif;color:#444;overflow-wrap:anywhere';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${small}">${esc(labels.header)}</div>`,
        footerTemplate: `<div style="${small}">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '14mm', left: '12mm', right: '12mm' },
        outline: true,
        tagged: true,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close();
  }
}
