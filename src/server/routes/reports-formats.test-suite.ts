// The daily report over real HTTP on the demo's story, on SQLite and PostgreSQL: its sections agree
// with the incidents' own details read independently (every incident, not the report's window), the
// public reads a subset, and the HTML and the PDF (printed by Chromium, read back with poppler's
// pdftotext/pdfinfo/pdftoppm) carry the checkpoint, the figures, page numbers, an outline and tags.
// One file per store (reports-formats-sqlite.test.ts, reports-formats-postgres.test.ts): a demo start
// and a PDF per store take minutes on a loaded machine. Also: counts by the demo mission's sectors,
// and conditional GETs (304 while unchanged, per viewer and format).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { startDemoServer, type DemoServer } from '../demo-server.test-support.js';
import { changeLevel } from '../reports/change-level.js';
import type { PeriodReport } from '../reports/report-types.js';
import type { IncidentDetail, IncidentRow } from '../../store/workflow-store.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;

export function reportsFormatsSuite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`reports on ${name}`, () => {
    let demo: DemoServer | undefined;
    let drop: (() => Promise<void>) | undefined;
    let skip: string | undefined;
    let base = '';
    let analyst: Record<string, string> = {};
    before(async () => {
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      demo = await startDemoServer(`reports-${name}`, d ? { db: d.url } : {});
      base = `${demo.server.url}/api/v1/missions/pak-afg`;
      analyst = { authorization: `Bearer ${demo.creds.users.analyst!.token}` };
    });
    after(async () => {
      await demo?.close();
      await drop?.();
    });

    const getJson = async <T>(path: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`${base}${path}`, { headers });
      assert.equal(r.status, 200, `${path}: ${await r.clone().text()}`);
      return (await r.json()) as T;
    };
    /** Files one crossing as the monitor (a new log entry the read model applies). */
    const fileOneEntry = async () => {
      const user = demo!.creds.users.monitor!;
      const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
      const signed = await signEnvelope(
        {
          mission: 'pak-afg',
          kind: 'crossing',
          body: { ...exampleBody('crossing'), effectiveAt: new Date().toISOString() },
        },
        signer,
      );
      const r = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: Buffer.from(signed.bytes),
      });
      assert.equal(r.status, 201, await r.clone().text());
    };
    const everything = async (headers: Record<string, string>) => {
      const list = await getJson<{ items: IncidentRow[]; next: string | null }>(
        '/incidents?limit=1000',
        headers,
      );
      assert.equal(list.next, null);
      return Promise.all(
        list.items.map((i) => getJson<IncidentDetail>(`/incidents/${i.id}`, headers)),
      );
    };

    test('daily JSON: sections agree with the incidents read one by one, for analyst and public', async (t) => {
      if (skip) return t.skip(skip);
      const all = await everything(analyst);
      const allegations = all.flatMap((d) => d.allegations.map((a) => ({ ...a, incident: d.id })));
      // The busiest day for allegations in the story.
      const byDay = new Map<string, number>();
      for (const a of allegations)
        byDay.set(a.at.slice(0, 10), (byDay.get(a.at.slice(0, 10)) ?? 0) + 1);
      const day = [...byDay].sort((a, b) => b[1] - a[1])[0]![0];
      const rep = await getJson<PeriodReport>(`/reports/daily?date=${day}`, analyst);
      assert.equal(rep.kind, 'daily');
      assert.deepEqual(rep.period, { from: day, to: day, days: 1 });
      const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      assert.equal(rep.previous.from, dayBefore);
      assert.equal(rep.previous.to, dayBefore);
      assert.equal(rep.counts.total, all.filter((d) => d.date === day).length);
      const on = (iso: string | null, d: string) => iso !== null && iso.slice(0, 10) === d;
      assert.deepEqual(
        rep.sections.allegations.items.map((a) => a.id).sort(),
        allegations
          .filter((a) => on(a.at, day))
          .map((a) => a.id)
          .sort(),
      );
      assert.ok(rep.sections.allegations.items.length > 0, 'the chosen day has allegations');
      assert.equal(
        rep.sections.allegations.filed.previous,
        allegations.filter((a) => on(a.at, dayBefore)).length,
      );
      assert.deepEqual(
        rep.sections.overdue.map((a) => a.id).sort(),
        allegations
          .filter((a) => a.deadline === 'missed')
          .map((a) => a.id)
          .sort(),
      );
      assert.ok(rep.checkpoint && rep.checkpoint.size > 0 && rep.checkpoint.rootHash.length === 44);
      assert.ok(
        rep.checkpoint.size >= rep.entriesApplied,
        'the checkpoint covers every entry read',
      );
      assert.equal(rep.readAs, 'analyst');
      assert.deepEqual(
        rep.sections.crossings.items.map((c) => c.crossing).sort(),
        (await getJson<{ crossings: { crossing: string }[] }>('/crossings')).crossings
          .map((c) => c.crossing)
          .sort(),
      );
      assert.equal(typeof rep.sections.majorIncident.threshold, 'number');

      // Over the whole story: releases and denials agree with the details too.
      const days = all.map((d) => d.date).sort();
      const whole = await getJson<PeriodReport>(
        `/reports/period?from=${days[0]}&to=2025-12-31`,
        analyst,
      );
      const released = all.flatMap((d) =>
        d.findings.filter((f) => f.status === 'released').map((f) => f.id),
      );
      assert.deepEqual(
        whole.sections.findingsReleased.items.map((f) => f.finding).sort(),
        released.sort(),
      );
      assert.ok(released.length > 0);
      const denied = all.flatMap((d) =>
        d.tasks.filter((x) => x.outcome === 'access_denied').map((x) => x.id),
      );
      assert.ok(denied.length > 0, 'the story has a denial');
      assert.deepEqual(whole.sections.accessDenied.items.map((x) => x.task).sort(), denied.sort());

      const pub = await getJson<PeriodReport>(`/reports/daily?date=${day}`);
      assert.equal(pub.readAs, 'public');
      const pubAll = await everything({});
      assert.deepEqual(
        pub.sections.allegations.items.map((a) => a.id).sort(),
        pubAll
          .flatMap((d) => d.allegations)
          .filter((a) => on(a.at, day))
          .map((a) => a.id)
          .sort(),
      );
      for (const a of pub.sections.allegations.items)
        assert.equal(
          pubAll.find((d) => d.id === a.incident)?.status,
          'released',
          'public: released only',
        );
    });

    test("period report by the demo's sectors: every sector named, boxes counted independently, change levels", async (t) => {
      if (skip) return t.skip(skip);
      const list = await getJson<{ items: IncidentRow[] }>('/incidents?limit=1000', analyst);
      const days = list.items.map((i) => i.date).sort();
      const rep = await getJson<PeriodReport>(
        `/reports/period?from=${days[0]}&to=${days.at(-1)}`,
        analyst,
      );
      // The demo's sectors are lon/lat boxes (missions/pak-afg.json): counted here by box, apart
      // from the report's polygon test.
      const boxes: [string, number, number, number, number][] = [
        ['Northern sector (Chitral, Bajaur, Khyber / Kunar, Nangarhar)', 70.4, 33.95, 72.0, 36.0],
        ['Central sector (Kurram, Waziristan / Paktia, Khost, Paktika)', 68.8, 32.0, 71.2, 33.95],
        ['Southern sector (Zhob, Chaman / Kandahar)', 65.5, 29.5, 70.0, 32.0],
      ];
      const inPeriod = list.items.filter((i) => i.date >= days[0]! && i.date <= days.at(-1)!);
      const byBox = (name: string) => {
        const [, x0, y0, x1, y1] = boxes.find((b) => b[0] === name)!;
        return inPeriod.filter(
          (i) =>
            i.location.lon > x0 &&
            i.location.lon < x1 &&
            i.location.lat > y0 &&
            i.location.lat < y1,
        ).length;
      };
      assert.ok(rep.counts.bySector, 'the demo mission defines sectors');
      for (const [name] of boxes) assert.equal(rep.counts.bySector[name], byBox(name), name);
      assert.equal(
        Object.values(rep.counts.bySector).reduce((a, b) => a + b, 0),
        rep.counts.total,
      );
      assert.ok(boxes.filter(([n]) => rep.counts.bySector![n]! > 0).length >= 2);
      for (const [name, change] of Object.entries(rep.change.bySector!))
        assert.deepEqual(
          change,
          changeLevel(rep.counts.bySector[name] ?? 0, rep.previous.counts.bySector?.[name] ?? 0),
          name,
        );
      const html = await (
        await fetch(`${base}/reports/period?from=${days[0]}&to=${days.at(-1)}&format=html`, {
          headers: analyst,
        })
      ).text();
      assert.match(html, /Incidents by sector/);
      assert.ok(html.includes('Central sector (Kurram, Waziristan / Paktia, Khost, Paktika)'));
    });

    test('conditional GETs: 304 while nothing changed, per viewer and format, a new tag after an entry', async (t) => {
      if (skip) return t.skip(skip);
      const list = await getJson<{ items: IncidentRow[] }>('/incidents?limit=1000', analyst);
      const day = list.items.map((i) => i.date).sort()[0]!;
      const path = `/reports/daily?date=${day}`;
      const first = await fetch(`${base}${path}`, { headers: analyst });
      assert.equal(first.status, 200);
      const tag = first.headers.get('etag');
      assert.match(tag ?? '', /^W\/"/);
      assert.equal(first.headers.get('cache-control'), 'private, no-cache');
      assert.match(first.headers.get('vary') ?? '', /Authorization/);
      const again = await fetch(`${base}${path}`, {
        headers: { ...analyst, 'if-none-match': tag! },
      });
      // The tag names the UTC minute (the report reads the clock): across a minute's turn, a 200.
      if (again.status === 200) assert.notEqual(again.headers.get('etag'), tag);
      else {
        assert.equal(again.status, 304);
        assert.equal(await again.text(), '');
        assert.equal(again.headers.get('etag'), tag);
      }
      // Another viewer's tag and another format's never validate this one.
      const pub = await fetch(`${base}${path}`, { headers: { 'if-none-match': tag! } });
      assert.equal(pub.status, 200);
      assert.equal(pub.headers.get('cache-control'), 'public, no-cache');
      assert.notEqual(pub.headers.get('etag'), tag);
      const html = await fetch(`${base}${path}&format=html`, {
        headers: { ...analyst, 'if-none-match': tag! },
      });
      assert.equal(html.status, 200);
      assert.notEqual(html.headers.get('etag'), tag);
      // A new entry in the log moves the tag: the old one no longer validates.
      const before = await fetch(`${base}${path}`, { headers: analyst });
      const beforeTag = before.headers.get('etag')!;
      await fileOneEntry();
      const after = await fetch(`${base}${path}`, {
        headers: { ...analyst, 'if-none-match': beforeTag },
      });
      assert.equal(after.status, 200, 'a report read before the entry is not current after it');
      assert.notEqual(after.headers.get('etag'), beforeTag);
    });

    test('daily HTML and PDF: checkpoint, figures, page numbers, outline, tags', async (t) => {
      if (skip) return t.skip(skip);
      if (!hasPoppler)
        return t.skip(
          'poppler-utils (pdftotext, pdfinfo, pdftoppm) not installed: apt-get install poppler-utils',
        );
      const list = await getJson<{ items: IncidentRow[] }>('/incidents?limit=1000', analyst);
      const days = list.items.map((i) => i.date).sort();
      const q = `from=${days[0]}&to=${days.at(-1)}`;
      const rep = await getJson<PeriodReport>(`/reports/period?${q}`, analyst);
      const html = await fetch(`${base}/reports/period?${q}&format=html`, { headers: analyst });
      assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
      const page = await html.text();
      assert.match(page, /Based on information in the log as of /);
      assert.doesNotMatch(page, /<script/i);

      const r = await fetch(`${base}/reports/period?${q}&format=pdf`, { headers: analyst });
      assert.equal(r.status, 200, await r.clone().text());
      assert.equal(r.headers.get('content-type'), 'application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'truceline-pdf-'));
      try {
        const file = join(dir, 'report.pdf');
        const bytes = Buffer.from(await r.arrayBuffer());
        writeFileSync(file, bytes);
        assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
        const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
        const flat = text.replace(/\s+/g, ' ');
        // The PDF was computed later than the JSON, on the same (settled) log.
        assert.match(
          flat,
          new RegExp(
            `checkpoint \\S+ size ${rep.checkpoint!.size} root ${rep.checkpoint!.rootHash.replace(/[+/]/g, (c) => `\\${c}`)}`,
          ),
        );
        assert.match(
          flat,
          new RegExp(
            `${rep.counts.total} incidents? (was|were) (recorded|reported) in this period`,
          ),
        );
        assert.match(flat, new RegExp(`with ${rep.counts.fatalities} fatalities reported`));
        const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
        assert.ok(pages >= 2, info);
        for (let p = 1; p <= pages; p++) assert.match(flat, new RegExp(`Page ${p} of ${pages}`));
        assert.match(info, /^Tagged:\s+yes/m);
        assert.match(bytes.toString('latin1'), /\/Outlines \d+ 0 R/, 'an outline');
        assert.match(bytes.toString('latin1'), /\/Title \((Summary|\\376\\377)/, 'outline titles');
        const png = spawnSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          file,
          join(dir, 'p'),
        ]);
        assert.equal(png.status, 0, String(png.stderr));
        assert.ok(statSync(join(dir, 'p-1.png')).size > 10_000, 'page 1 rendered');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      for (const bad of [
        'reports/daily?date=2025-10-12&format=docx',
        'reports/daily?date=12-10-2025',
      ])
        assert.equal((await fetch(`${base}/${bad}`)).status, 400, bad);
    });
  });
}
