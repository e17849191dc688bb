// Answers before the read model (issue 12, item 2): with `?ack=integrated` an entry is answered once
// durable and integrated, and the read model follows. The rules must still judge every entry
// against everything logged before it. Dependent entries are sent the moment the previous answer
// comes, on both stores: a response to an allegation and an incident grouping it land (no false
// "missing" refusal), an entry signed with a key revoked the moment before is refused (no false
// acceptance), a second release of the same finding is refused, and a read that asks for its own
// write (Truceline-Read-After) sees it. The default answer (a cosigned checkpoint and its proof)
// does not wait for the read model either: rounds alternate between the two, and with the default a
// caller's own reads see its writes without asking (the server remembers what it acknowledged to
// whom), while every mission read says how much of the log it reflects (Truceline-Applied).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import type { EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { startDemoServer } from '../src/server/demo-server.test-support.js';

const M = 'pak-afg';

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`ack=integrated: dependent entries sent at once are judged exactly (${kind})`, async (t) => {
    let drop: (() => Promise<void>) | undefined;
    let db: string | undefined;
    if (kind === 'postgres') {
      const fresh = await withFreshDatabase();
      if (typeof fresh === 'string') return t.skip(fresh);
      ({ url: db, drop } = fresh);
    }
    const demo = await startDemoServer(`ack-${kind}`, db ? { db } : {});
    const { server, creds } = demo;
    try {
      const base = `${server.url}/api/v1/missions/${M}`;
      const signers = new Map<string, Signer>();
      for (const [n, u] of Object.entries(creds.users))
        signers.set(n, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
      let ack: 'integrated' | 'default' = 'integrated';
      const file = async (user: string, kind: EntryKind, body: unknown, signer = user) => {
        const { envelope, bytes } = await signEnvelope(
          { mission: M, kind, body: body as Record<string, unknown> },
          signers.get(signer)!,
        );
        const res = await fetch(`${base}/entries${ack === 'integrated' ? '?ack=integrated' : ''}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${creds.users[user]!.token}`,
            'content-type': 'application/json',
          },
          body: Buffer.from(bytes),
        });
        const json = (await res.json()) as {
          index?: number;
          proof?: string;
          checkpoint?: string;
          error?: { code?: string; details?: { rule?: string } };
        };
        return { status: res.status, json, id: envelope.id };
      };
      const ok = <A extends { status: number; json: unknown }>(a: A): A => {
        assert.equal(a.status, 201, JSON.stringify(a.json));
        return a;
      };

      for (let round = 0; round < 6; round++) {
        ack = round % 2 === 0 ? 'integrated' : 'default';
        const allegation = ok(
          await file('pk-liaison', 'report', {
            ...exampleBody('report'),
            accused: 'AF',
            fatalities: { count: 0, claimedBy: 'PK' },
          }),
        );
        if (ack === 'integrated') {
          assert.equal(allegation.json.checkpoint, undefined, 'no wait for a checkpoint');
          assert.match(allegation.json.proof ?? '', /\/entries\/\d+\/proof$/);
        } else {
          // The default: a checkpoint covering the entry, and its proof inline.
          assert.match(allegation.json.checkpoint ?? '', /\n\n/);
          assert.match(allegation.json.proof ?? '', /^c2sp\.org\/tlog-proof@v1\n/);
        }
        const incident = ok(
          await file('analyst', 'incident', {
            ...(exampleBody('incident') as Record<string, unknown>),
            reports: [allegation.id],
          }),
        );
        if (ack === 'default') {
          // Read your own write without asking: the analyst's next read includes its incident.
          const own = await fetch(`${base}/incidents/${incident.id}`, {
            headers: { authorization: `Bearer ${creds.users.analyst!.token}` },
          });
          assert.equal(own.status, 200, await own.clone().text());
          const applied = Number(own.headers.get('truceline-applied'));
          assert.ok(applied > incident.json.index!, `applied ${applied} covers the incident`);
          // Anyone else reads what the read model has applied so far, and is told how far that is.
          const anon = await fetch(`${base}/incidents`);
          assert.match(anon.headers.get('truceline-applied') ?? '', /^\d+$/);
        }
        ok(
          await file('af-liaison', 'response', {
            incident: incident.id,
            allegation: allegation.id,
            stance: 'denial',
            statement: 'Not us.',
          }),
        );
        const task = ok(
          await file('analyst', 'task', {
            action: 'assign',
            incident: incident.id,
            kind: 'site_visit',
            assignee: 'monitor',
            instructions: 'Visit the site.',
          }),
        );
        ok(
          await file('monitor', 'task', {
            action: 'close',
            task: task.id,
            outcome: 'completed',
            notes: 'Seen.',
          }),
        );
        const finding = ok(
          await file('analyst', 'finding', { ...exampleBody('finding'), incident: incident.id }),
        );
        ok(await file('qa-mediator', 'endorsement', { finding: finding.id }));
        ok(await file('tr-mediator', 'endorsement', { finding: finding.id }));
        const release = { finding: finding.id, incident: incident.id };
        ok(await file('qa-mediator', 'release', release));
        const again = await file('tr-mediator', 'release', release);
        assert.equal(again.status, 422, JSON.stringify(again.json));
        // Read after write, said explicitly: the public sees the released incident at once.
        const idx = allegation.json.index!;
        const seen = await fetch(`${base}/incidents/${incident.id}`, {
          headers: { 'truceline-read-after': String(idx + 9) },
        });
        assert.equal(seen.status, 200);
      }

      // A key revoked, then used the very next moment: refused.
      ok(await file('monitor', 'crossing', exampleBody('crossing')));
      const monitorAuthor = signers.get('monitor')!.author;
      ok(
        await file('admin', 'key', {
          action: 'revoke',
          key: monitorAuthor,
          reason: 'The tablet was lost.',
        }),
      );
      const late = await file('monitor', 'crossing', exampleBody('crossing'));
      assert.equal(late.status, 403, JSON.stringify(late.json));
      // Refused by whichever check sees the revocation first: admission's key index (code
      // revoked_key) or the rules' facts (rule known_author); both are kept current as entries
      // are admitted, and which one answers is a race between the two, not a wrong decision.
      const by = late.json.error?.details?.rule ?? late.json.error?.code;
      assert.ok(by === 'known_author' || by === 'revoked_key', JSON.stringify(late.json));
    } finally {
      await demo.close();
      await drop?.();
    }
  });
}
