// The report PDF (src/server/reports/pdf.ts): headless Chromium printing the report's own HTML.
// Figures: the first PDF (Chromium's launch included) and the median of the next ones (the browser
// kept), against the limit measured in the same run: the same report as HTML through the same
// route (the figures read from the store and rendered), so the ratio is what printing adds.
import { performance } from 'node:perf_hooks';
import { startDemoServer } from '../src/server/demo-server.test-support.js';
import { CHROMIUM_PATH } from '../src/server/reports/pdf.js';
import { existsSync } from 'node:fs';

const RUNS = 10;

async function timed(url: string, headers: Record<string, string>): Promise<[number, number]> {
  const t = performance.now();
  const r = await fetch(url, { headers });
  const bytes = (await r.arrayBuffer()).byteLength;
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return [performance.now() - t, bytes];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`report-pdf: skipped (no Chromium at ${CHROMIUM_PATH})`);
    return;
  }
  const demo = await startDemoServer('report-pdf-bench');
  try {
    const base = `${demo.server.url}/api/v1/missions/pak-afg/reports/period?from=2025-10-01&to=2025-11-30`;
    const h = { authorization: `Bearer ${demo.creds.users.analyst!.token}` };
    const [cold, coldBytes] = await timed(`${base}&format=pdf`, h);
    const pdf: number[] = [];
    const html: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      pdf.push((await timed(`${base}&format=pdf`, h))[0]);
      html.push((await timed(`${base}&format=html`, h))[0]);
    }
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(
      `  period report PDF (Chromium): first ${cold.toFixed(0)} ms (launch included), then median ${median(pdf).toFixed(0)} ms over ${RUNS}; ${(coldBytes / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `  limit, the same report as HTML: median ${median(html).toFixed(1)} ms; ratio PDF/HTML ${(median(pdf) / median(html)).toFixed(1)}; server process RSS ${rss.toFixed(0)} MiB (Chromium runs in its own processes)`,
    );
  } finally {
    await demo.close();
  }
}
