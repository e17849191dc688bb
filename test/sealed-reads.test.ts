// Sealed by default (issue 9, finding 2), tested as a hostile reader would: an allegation, its
// incident, a response, a monitor's task (where a team will be) and a draft finding are filed, each
// carrying a marker no one could guess; then every route that serves log bytes or derived data to
// an anonymous caller — entry bundles (tiles), /entries/<i>, proofs, the SSE stream, the exports,
// the feed and the read API — is read, and none holds the marker. After the k-of-n release the
// log's reveals carry every record, checked against their commitments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseEntry, signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import type { BodyOf, EntryKind } from '../src/core/records/kinds.js';
import { checkReveal } from '../src/core/sealing/reveal-check.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { parseCheckpoint } from '../src/tlog/checkpoint.js';
import { parseNote } from '../src/tlog/note.js';
import { decodeEntryBundle, entryBundlePath } from '../src/tlog/tiles.js';
import { startDemoServer } from '../src/server/demo-server.test-support.js';

const M = 'pak-afg';

test('sealed records: no anonymous route serves them before release; reveals after', async () => {
  const demo = await startDemoServer('sealed-reads');
  const { server, creds } = demo;
  const base = `${server.url}/api/v1/missions/${M}`;
  const signers = new Map<string, Signer>();
  for (const [n, u] of Object.entries(creds.users))
    signers.set(n, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
  const file = async (user: string, kind: EntryKind, body: unknown) => {
    const { envelope, bytes } = await signEnvelope(
      { mission: M, kind, body: body as Record<string, unknown> },
      signers.get(user)!,
    );
    const res = await fetch(`${base}/entries`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${creds.users[user]!.token}`,
        'content-type': 'application/json',
      },
      body: Buffer.from(bytes),
    });
    const answer = (await res.json()) as { index: number; sealed?: unknown };
    assert.equal(res.status, 201, JSON.stringify(answer));
    return { id: envelope.id, ...answer };
  };
  const marker = (what: string) => `${what}-${randomBytes(8).toString('hex')}`;
  const secrets = {
    allegation: marker('allegation'),
    incident: marker('incident'),
    response: marker('response'),
    task: marker('task'),
    finding: marker('finding'),
  };
  const all = Object.values(secrets);

  /** Every anonymous read of log bytes and derived data, as one text to search. */
  const anonymousReads = async (): Promise<string> => {
    const parts: string[] = [];
    const note = await (await fetch(`${server.url}/log/${M}/checkpoint`)).text();
    const size = parseCheckpoint(parseNote(note).text).size;
    for (let n = 0; n * 256 < size; n++) {
      const width = Math.min(256, size - n * 256);
      const res = await fetch(`${server.url}/log/${M}/${entryBundlePath(n, width)}`);
      assert.equal(res.status, 200);
      for (const e of decodeEntryBundle(new Uint8Array(await res.arrayBuffer()), width))
        parts.push(new TextDecoder().decode(e));
    }
    for (let i = Math.max(0, size - 12); i < size; i++) {
      parts.push(await (await fetch(`${base}/entries/${i}`)).text());
      parts.push(await (await fetch(`${base}/entries/${i}/proof`)).text());
    }
    // The stream from the start: replayed entries, read for a moment, then closed.
    const ac = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/stream?mission=${M}&after=0`, {
      signal: ac.signal,
    }).catch(() => undefined);
    if (stream?.body) {
      const reader = stream.body.getReader();
      const stop = setTimeout(() => ac.abort(), 1500);
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(new TextDecoder().decode(value));
        }
      } catch {
        /* aborted: enough read */
      }
      clearTimeout(stop);
    }
    for (const path of [
      'incidents',
      'incidents.csv',
      'incidents.hxl.csv',
      'incidents.geojson',
      'incidents.jsonl',
      'incidents.jsonl?since=0',
      'compliance',
      'crossings',
      'commitments',
    ])
      parts.push(await (await fetch(`${base}/${path}`)).text());
    return parts.join('\n');
  };

  try {
    const location = {
      name: 'Angoor Adda',
      admin1: 'South Waziristan',
      country: 'PK',
      lat: 32.6,
      lon: 69.4,
      geo_precision: 2,
    };
    const allegation = await file('pk-liaison', 'report', {
      ...exampleBody('report'),
      title: `Shelling near Angoor Adda ${secrets.allegation}`,
      location,
      accused: 'AF',
      fatalities: { count: 1, claimedBy: 'PK' },
    });
    assert.ok(allegation.sealed, 'a party report is sealed at filing');
    const incident = await file('analyst', 'incident', {
      action: 'open',
      title: `Angoor Adda shelling ${secrets.incident}`,
      type: 'shelling',
      occurred: { date: '2025-10-25', time_precision: 1 },
      location,
      reports: [allegation.id],
    });
    await file('af-liaison', 'response', {
      incident: incident.id,
      allegation: allegation.id,
      stance: 'denial',
      statement: `No fire from our side ${secrets.response}`,
    });
    await file('analyst', 'task', {
      action: 'assign',
      incident: incident.id,
      kind: 'site_visit',
      assignee: 'monitor',
      instructions: `Team meets at the school at dawn ${secrets.task}`,
    });
    const finding = await file('analyst', 'finding', {
      incident: incident.id,
      verdict: 'confirmed',
      attribution: 'AF',
      termsViolated: ['no-cross-border-attacks'],
      grade: 'B2',
      rationale: `Craters and fragments ${secrets.finding}`,
    });

    const before = await anonymousReads();
    assert.ok(before.length > 10_000, 'the reads returned the log');
    for (const s of all) assert.ok(!before.includes(s), `${s} is unreadable before release`);
    // The analyst, who may read drafts, sees them through the read API.
    const asAnalyst = await fetch(`${base}/incidents/${incident.id}`, {
      headers: { authorization: `Bearer ${creds.users.analyst!.token}` },
    });
    assert.match(await asAnalyst.text(), new RegExp(secrets.task));

    await file('qa-mediator', 'endorsement', { finding: finding.id });
    await file('tr-mediator', 'endorsement', { finding: finding.id });
    const release = await file('qa-mediator', 'release', {
      finding: finding.id,
      incident: incident.id,
    });
    assert.equal(release.sealed, undefined, 'a release is public at filing');

    const after = await anonymousReads();
    for (const s of all) assert.ok(after.includes(s), `${s} is public once released`);
    const d = (await (await fetch(`${base}/incidents/${incident.id}`)).json()) as {
      records: {
        id: string;
        kind: string;
        sealed?: { commitmentIndex: number; revealIndex: number | null };
      }[];
    };
    const sealed = d.records.filter((r) => r.sealed);
    assert.ok(sealed.length >= 7, `sealed records revealed: ${sealed.length}`);
    for (const r of sealed) {
      const entry = async (i: number) =>
        parseEntry(new Uint8Array(await (await fetch(`${base}/entries/${i}`)).arrayBuffer()));
      const commitment = await entry(r.sealed!.commitmentIndex);
      const reveal = await entry(r.sealed!.revealIndex!);
      const opened = checkReveal(commitment, reveal.body as BodyOf<'reveal'>);
      assert.ok(opened.ok && opened.entry.id === r.id, `${r.kind} ${r.id}`);
    }
  } finally {
    await demo.close();
  }
});
