// Mission webhooks over real HTTP, on SQLite and PostgreSQL: receivers on 127.0.0.1 check every
// Standard Webhooks signature (an independent HMAC-SHA256 over `id.timestamp.body`, and the
// standardwebhooks package's own verify); one answers 500 twice and gets the retry; one answers 410
// and is disabled; a public endpoint is not sent a sealed allegation that an analyst endpoint is;
// only a mission admin may register; and a delivery pending when the server stops is delivered
// after it restarts on the same data.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { ed25519Verify } from '../../tlog/ed25519.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { resolveConfig } from '../config.js';
import type { Credentials } from '../provision.js';
import { startServer, type RunningServer } from '../serve.js';

process.env.TRUCELINE_WEBHOOK_RETRY_MS = '150';
process.env.TRUCELINE_WEBHOOK_POLL_MS = '50';
// The receivers listen on loopback, which deliveries refuse unless the operator allows it.
const LOOPBACK_ALLOWED = '127.0.0.1';
process.env.TRUCELINE_WEBHOOK_HOSTS = LOOPBACK_ALLOWED;

interface Got {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver: answers `plan` in turn (then 200), and keeps what it got. */
async function receiver(plan: number[] = [], port = 0) {
  const got: Got[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = plan[got.length - 1] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    got,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Standard Webhooks "v1" check by hand: HMAC-SHA256 keyed by the secret's bytes. */
function verifiedByHand(g: Got, secret: string): boolean {
  const id = String(g.headers['webhook-id']);
  const ts = String(g.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const want = createHmac('sha256', key).update(`${id}.${ts}.${g.body}`).digest();
  return String(g.headers['webhook-signature'])
    .split(' ')
    .some((s) => {
      const [v, sig] = s.split(',');
      const b = Buffer.from(sig ?? '', 'base64');
      return v === 'v1' && b.length === want.length && timingSafeEqual(b, want);
    });
}

/** The v1a Ed25519 signature, checked with the public key the server publishes. */
function verifiedV1a(g: Got, publicKey: string): boolean {
  const msg = `${String(g.headers['webhook-id'])}.${String(g.headers['webhook-timestamp'])}.${g.body}`;
  const pub = new Uint8Array(Buffer.from(publicKey.replace(/^whpk_/, ''), 'base64'));
  return String(g.headers['webhook-signature'])
    .split(' ')
    .some((s) => {
      const [v, sig] = s.split(',');
      return (
        v === 'v1a' &&
        ed25519Verify(
          new Uint8Array(Buffer.from(sig ?? '', 'base64')),
          new TextEncoder().encode(msg),
          pub,
        )
      );
    });
}

let serverPublicKey = '';

function assertSigned(g: Got, secret: string) {
  assert.ok(verifiedByHand(g, secret), 'HMAC-SHA256 over id.timestamp.body');
  assert.ok(verifiedV1a(g, serverPublicKey), 'Ed25519 v1a over id.timestamp.body');
  assert.ok(
    !verifiedV1a({ ...g, body: g.body + ' ' }, serverPublicKey),
    'a changed body fails v1a',
  );
  new Webhook(secret).verify(g.body, g.headers as Record<string, string>); // throws if not
  assert.ok(
    !verifiedByHand(g, `whsec_${Buffer.alloc(32, 1).toString('base64')}`),
    'another secret fails',
  );
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function suite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`webhooks on ${name}`, () => {
    let skip: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let dbUrl: string | undefined;
    let dir = '';
    let server: RunningServer | undefined;
    let creds: Credentials;
    const start = async () => {
      server = await startServer(
        resolveConfig(
          {
            port: 0,
            host: '127.0.0.1',
            dataDir: join(dir, 'data'),
            demo: true,
            logBatchIntervalMs: 5,
            ...(dbUrl ? { db: dbUrl } : {}),
          },
          {},
        ),
      );
      creds = JSON.parse(
        readFileSync(join(dir, 'data', 'demo-credentials.json'), 'utf8'),
      ) as Credentials;
      const pk = (await (
        await fetch(`${server.url}/api/v1/missions/pak-afg/webhooks/public-key`)
      ).json()) as { publicKey: string };
      assert.match(pk.publicKey, /^whpk_[A-Za-z0-9+/]{43}=$/);
      if (serverPublicKey)
        assert.equal(pk.publicKey, serverPublicKey, 'the key survives a restart');
      serverPublicKey = pk.publicKey;
    };
    before(async () => {
      serverPublicKey = ''; // each suite's server has its own key
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      dbUrl = d?.url;
      dir = mkdtempSync(join(tmpdir(), `truceline-webhooks-${name}-`));
      await start();
    });
    after(async () => {
      await server?.close();
      await drop?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const base = () => `${server!.url}/api/v1/missions/pak-afg`;
    const as = (user: string, json = true) => ({
      authorization: `Bearer ${creds.users[user]!.token}`,
      ...(json ? { 'content-type': 'application/json' } : {}),
    });
    const register = async (body: unknown, user = 'admin') =>
      fetch(`${base()}/webhooks`, {
        method: 'POST',
        headers: as(user),
        body: JSON.stringify(body),
      });
    const submit = async (user: string, kind: EntryKind, body: Record<string, unknown>) => {
      const signer = await signerFromNoteKey(
        readFileSync(creds.users[user]!.keyFile, 'utf8').trim(),
      );
      const signed = await signEnvelope({ mission: 'pak-afg', kind, body }, signer);
      const r = await fetch(`${base()}/entries`, {
        method: 'POST',
        headers: as(user),
        body: Buffer.from(signed.bytes),
      });
      assert.equal(r.status, 201, await r.clone().text());
      return signed.envelope.id;
    };
    const deliveries = async (id: string) =>
      (await (
        await fetch(`${base()}/webhooks/${id}/deliveries`, { headers: as('admin', false) })
      ).json()) as {
        webhook: { disabledAt: string | null };
        deliveries: {
          id: string;
          event: string;
          status: string;
          attempts: number;
          lastStatus: number | null;
        }[];
      };

    test('admin only, with the schema named', async (t) => {
      if (skip) return t.skip(skip);
      const body = { url: 'http://127.0.0.1:9/hook', events: ['crossing.changed'] };
      assert.equal(
        (
          await fetch(`${base()}/webhooks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
        401,
      );
      assert.equal((await register(body, 'analyst')).status, 403);
      assert.equal(
        (await fetch(`${base()}/webhooks`, { headers: as('monitor', false) })).status,
        403,
      );
      const bad = await register({ url: 'ftp://x', events: ['nope'] });
      assert.equal(bad.status, 400);
      process.env.TRUCELINE_WEBHOOK_HOSTS = 'hooks.example.org';
      try {
        const refused = await register(body);
        assert.equal(refused.status, 422);
        assert.match(
          await refused.text(),
          /127\.0\.0\.1 is not among the hosts the operator allows/,
        );
      } finally {
        process.env.TRUCELINE_WEBHOOK_HOSTS = LOOPBACK_ALLOWED;
      }
      const issues = (
        (await bad.json()) as { error: { details: { issues: { path: string }[] } } }
      ).error.details.issues.map((i) => i.path);
      assert.ok(
        issues.includes('url') && issues.some((p) => p.startsWith('events')),
        issues.join(),
      );
      assert.equal(
        (
          await fetch(`${base()}/webhooks/wh_nope`, {
            method: 'DELETE',
            headers: as('admin', false),
          })
        ).status,
        404,
      );
    });

    test('signed deliveries, retries after 500s, 410 disables, payloads as the role may read', async (t) => {
      if (skip) return t.skip(skip);
      const flaky = await receiver([500, 500]);
      const analystRx = await receiver();
      const publicRx = await receiver();
      const gone = await receiver([410]);
      try {
        const reg = async (url: string, events: string[], role?: string) => {
          const r = await register({ url, events, ...(role ? { role } : {}) });
          assert.equal(r.status, 201, await r.clone().text());
          const j = (await r.json()) as { webhook: { id: string; role: string }; secret: string };
          assert.match(j.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
          return j;
        };
        const a = await reg(flaky.url, ['crossing.changed']);
        assert.equal(a.webhook.role, 'public');
        const b = await reg(analystRx.url, ['allegation.filed'], 'analyst');
        const c = await reg(publicRx.url, ['allegation.filed']);
        const d = await reg(gone.url, ['crossing.changed']);
        const listed = (await (
          await fetch(`${base()}/webhooks`, { headers: as('admin', false) })
        ).json()) as { webhooks: object[] };
        assert.ok(!JSON.stringify(listed).includes('whsec_'), 'secrets are never listed');
        // At rest the secret is sealed (secrets.ts): no stored column holds it.
        const rows = await sql<Record<string, unknown>>`select * from webhook_endpoints`.execute(
          server!.store.db,
        );
        assert.equal(rows.rows.length, 4);
        assert.ok(
          !JSON.stringify(rows.rows).includes(a.secret.slice(6)),
          'no secret in the database',
        );

        const crossing = await submit('monitor', 'crossing', {
          ...exampleBody('crossing'),
          effectiveAt: new Date().toISOString(),
        });
        const allegation = await submit(
          'af-liaison',
          'report',
          exampleBody('report') as Record<string, unknown>,
        );

        await until('three attempts at the flaky receiver', () => flaky.got.length >= 3);
        await until('the analyst receiver', () => analystRx.got.length >= 1);
        await until('the 410 receiver', () => gone.got.length >= 1);
        for (const g of flaky.got) assertSigned(g, a.secret);
        assert.equal(
          new Set(flaky.got.map((g) => g.headers['webhook-id'])).size,
          1,
          'a retry keeps its webhook-id',
        );
        const payload = JSON.parse(flaky.got[2]!.body) as {
          type: string;
          data: { record: { id: string; kind: string } };
        };
        assert.equal(payload.type, 'crossing.changed');
        assert.equal(payload.data.record.id, crossing);
        await until(
          'delivered after the retries',
          async () => (await deliveries(a.webhook.id)).deliveries[0]?.status === 'delivered',
        );
        const log = await deliveries(a.webhook.id);
        assert.deepEqual(
          log.deliveries.map((x) => [x.event, x.status, x.attempts, x.lastStatus]),
          [['crossing.changed', 'delivered', 3, 200]],
        );

        assertSigned(analystRx.got[0]!, b.secret);
        const alleged = JSON.parse(analystRx.got[0]!.body) as {
          type: string;
          data: { record: { id: string } };
        };
        assert.equal(alleged.type, 'allegation.filed');
        assert.equal(alleged.data.record.id, allegation);
        // The public endpoint: the allegation is sealed until its incident is released.
        assert.equal((await deliveries(c.webhook.id)).deliveries.length, 0);
        assert.equal(publicRx.got.length, 0);

        await until(
          'disabled after 410',
          async () => (await deliveries(d.webhook.id)).webhook.disabledAt !== null,
        );
        assert.equal((await deliveries(d.webhook.id)).deliveries[0]?.status, 'failed');
        assert.equal(gone.got.length, 1, 'no retry after 410');
        assertSigned(gone.got[0]!, d.secret);

        // A test delivery, and a manual redelivery of the delivered crossing.
        const tr = await fetch(`${base()}/webhooks/${a.webhook.id}/test`, {
          method: 'POST',
          headers: as('admin'),
          body: '{}',
        });
        assert.equal(tr.status, 202);
        await until('the test delivery', () => flaky.got.length >= 4);
        assert.equal((JSON.parse(flaky.got[3]!.body) as { type: string }).type, 'webhook.test');
        const rd = await fetch(
          `${base()}/webhooks/${a.webhook.id}/deliveries/${log.deliveries[0]!.id}/redeliver`,
          { method: 'POST', headers: as('admin'), body: '{}' },
        );
        assert.equal(rd.status, 202);
        await until('the redelivery', () => flaky.got.length >= 5);
        assert.equal(flaky.got[4]!.headers['webhook-id'], log.deliveries[0]!.id);
        for (const g of flaky.got) assertSigned(g, a.secret);

        for (const id of [a, b, c, d].map((x) => x.webhook.id))
          assert.equal(
            (
              await fetch(`${base()}/webhooks/${id}`, {
                method: 'DELETE',
                headers: as('admin', false),
              })
            ).status,
            204,
          );
      } finally {
        await Promise.all([flaky.close(), analystRx.close(), publicRx.close(), gone.close()]);
      }
    });

    test('a release reaches a public endpoint as incident.released and finding.released', async (t) => {
      if (skip) return t.skip(skip);
      const rx = await receiver();
      try {
        const r = await register({
          url: rx.url,
          events: ['incident.released', 'finding.released'],
        });
        const { webhook, secret } = (await r.json()) as { webhook: { id: string }; secret: string };
        const report = exampleBody('report') as Record<string, unknown>;
        const allegation = await submit('af-liaison', 'report', report);
        const incident = await submit('analyst', 'incident', {
          action: 'open',
          title: 'Webhook test incident',
          type: report.type,
          occurred: report.occurred,
          location: report.location,
          reports: [allegation],
        });
        await submit('analyst', 'incident', { action: 'status', incident, status: 'under_review' });
        const finding = await submit('analyst', 'finding', {
          incident,
          verdict: 'probable',
          attribution: 'PK',
          termsViolated: [],
          grade: 'C3',
          rationale: 'Imagery only.',
        });
        await submit('qa-mediator', 'endorsement', { finding });
        await submit('tr-mediator', 'endorsement', { finding });
        assert.equal(rx.got.length, 0, 'nothing before the release');
        await submit('qa-mediator', 'release', { finding, incident });
        await until('both release events', () => rx.got.length >= 2);
        const byType = new Map(
          rx.got.map((g) => {
            assertSigned(g, secret);
            const p = JSON.parse(g.body) as {
              type: string;
              data: Record<string, { id: string; status?: string }>;
            };
            return [p.type, p.data] as const;
          }),
        );
        assert.equal(byType.get('incident.released')?.incident?.id, incident);
        assert.equal(byType.get('incident.released')?.incident?.status, 'released');
        assert.equal(byType.get('finding.released')?.finding?.id, finding);
        assert.equal(byType.get('finding.released')?.incident?.id, incident);
        await fetch(`${base()}/webhooks/${webhook.id}`, {
          method: 'DELETE',
          headers: as('admin', false),
        });
      } finally {
        await rx.close();
      }
    });

    test('a delivery pending at shutdown is delivered after a restart', async (t) => {
      if (skip) return t.skip(skip);
      // A port with nobody listening yet: every attempt fails until the receiver comes up.
      const probe = await receiver();
      const port = Number(new URL(probe.url).port);
      await probe.close();
      const r = await register({
        url: `http://127.0.0.1:${port}/hook`,
        events: ['crossing.changed'],
      });
      const { webhook, secret } = (await r.json()) as { webhook: { id: string }; secret: string };
      const crossing = await submit('monitor', 'crossing', {
        ...exampleBody('crossing'),
        status: 'open',
        effectiveAt: new Date().toISOString(),
      });
      await until(
        'a failed attempt',
        async () => ((await deliveries(webhook.id)).deliveries[0]?.attempts ?? 0) >= 1,
      );
      await server!.close();
      server = undefined;
      const rx = await receiver([], port);
      try {
        await start();
        await until('delivery after the restart', () => rx.got.length >= 1);
        assertSigned(rx.got[0]!, secret);
        assert.equal(
          (JSON.parse(rx.got[0]!.body) as { data: { record: { id: string } } }).data.record.id,
          crossing,
        );
        await until(
          'recorded as delivered',
          async () => (await deliveries(webhook.id)).deliveries[0]?.status === 'delivered',
        );
      } finally {
        await rx.close();
      }
    });
  });
}

suite('SQLite', () => Promise.resolve(null));
suite('PostgreSQL', withFreshDatabase);
