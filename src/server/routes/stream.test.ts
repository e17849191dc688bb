// The SSE stream over real HTTP: live entries with their log index as id, resume with
// Last-Event-ID (replayed from the store, no gaps or repeats), bad resume points refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { startDemoServer } from '../demo-server.test-support.js';

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads SSE events from a fetch response until `want` of them (with data) arrived. */
async function readEvents(res: Response, want: number): Promise<SseEvent[]> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  const out: SseEvent[] = [];
  while (out.length < want) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let end;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const ev: SseEvent = {};
      for (const line of block.split('\n')) {
        const m = /^(id|event|data): (.*)$/.exec(line);
        if (m) ev[m[1] as keyof SseEvent] = m[2];
      }
      if (ev.data !== undefined) out.push(ev);
    }
  }
  await reader.cancel();
  return out;
}

test('stream over HTTP: live entries, Last-Event-ID resume, bad resume points', async () => {
  const demo = await startDemoServer('stream');
  const { server, creds } = demo;
  try {
    // The example report is AF's allegation against PK.
    const user = creds.users['af-liaison']!;
    const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
    const submit = async () => {
      const { bytes, envelope } = await signEnvelope(
        {
          mission: 'pak-afg',
          kind: 'report',
          body: exampleBody('report') as Record<string, unknown>,
        },
        signer,
      );
      const r = await fetch(`${server.url}/api/v1/missions/pak-afg/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: new Uint8Array(bytes),
      });
      assert.equal(r.status, 201);
      return { index: ((await r.json()) as { index: number }).index, id: envelope.id };
    };
    const stream = `${server.url}/api/v1/stream`;

    const live = await fetch(stream);
    const pk = await fetch(stream, {
      headers: { authorization: `Bearer ${creds.users['pk-liaison']!.token}` },
    });
    const pkEvents = readEvents(pk, 4);
    assert.equal(live.status, 200);
    assert.match(live.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.ok(live.headers.get('content-security-policy'));
    const pending = readEvents(live, 2);
    const a = await submit();
    const b = await submit();
    const got = await pending;
    assert.deepEqual(
      got.map((e) => [e.id, e.event]),
      [
        [String(a.index), 'entry'],
        [String(b.index), 'entry'],
      ],
    );
    // PK, the accused side, also gets an allegation notice per report (the public does not).
    const pkGot = await pkEvents;
    assert.deepEqual(pkGot.map((e) => e.event).sort(), [
      'allegation',
      'allegation',
      'entry',
      'entry',
    ]);
    const notice = JSON.parse(pkGot.find((e) => e.event === 'allegation')!.data!) as {
      accused: string;
      id: string;
    };
    assert.equal(notice.accused, 'PK');
    assert.ok([a.id, b.id].includes(notice.id));
    // A report is sealed at filing: the stream carries its leaf, the log's commitment to it.
    const data = JSON.parse(got[0]!.data!) as {
      id: string;
      kind: string;
      entry: { id: string; body: { sealed?: { record: string } }; author: string };
    };
    assert.equal(data.kind, 'commitment');
    assert.equal(data.entry.body.sealed?.record, a.id);
    assert.ok(!got[0]!.data!.includes((exampleBody('report') as { title: string }).title));

    // Resume after a: b is replayed from the store, then a new live entry c follows.
    const resumed = await fetch(stream + '?mission=pak-afg', {
      headers: { 'last-event-id': String(a.index) },
    });
    const next = readEvents(resumed, 2);
    const c = await submit();
    assert.deepEqual(
      (await next).map((e) => Number(e.id)),
      [b.index, c.index],
    );
    // From the start of the log (?after=-1 is not a number: use 0 and see index 1 onwards).
    const all = await fetch(stream + '?after=0');
    const first = await readEvents(all, 1);
    assert.equal(first[0]?.id, '1');

    for (const bad of [
      fetch(stream, { headers: { 'last-event-id': 'x' } }),
      fetch(stream + '?mission=nope'),
      fetch(stream + '?after=-1'),
      fetch(stream + '?other=1'),
    ]) {
      const r = await bad;
      assert.ok(r.status === 400 || r.status === 404, String(r.status));
      assert.ok(((await r.json()) as { error: unknown }).error);
    }
  } finally {
    await demo.close();
  }
});
