// Delivery-time checks and the queue's claim, with real receivers on 127.0.0.1:
//  - host-guard: the allowlist's forms (names, *.subdomains, addresses, CIDR ranges), private and
//    special addresses refused unless listed, IPv4-mapped IPv6 seen through;
//  - DNS rebinding: a name the registration accepted that resolves to a private address at
//    delivery is refused, the receiver gets nothing, and the delivery log names why; a name that
//    no real DNS resolves (".invalid") reaches the receiver at the address the check resolved, so
//    the POST connects to the checked address and never resolves again;
//  - two dispatchers on one database (two connection pools to one PostgreSQL database, and two
//    connections to one SQLite file): every queued message reaches the receiver exactly once.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissionDocSchema } from '../../core/records/mission.js';
import { openPostgresStore } from '../../store/postgres.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { Store } from '../../store/store.js';
import { WebhookSigningKey } from './asymmetric.js';
import { DeliveryWorker } from './delivery-worker.js';
import {
  deliveryAddress,
  hostAllowedBy,
  hostPolicy,
  HostRefused,
  isSpecialAddress,
  type Lookup,
} from './host-guard.js';
import { dispatcherOptions } from './retry.js';
import { newSecret, SecretBox } from './secrets.js';
import { WebhookStore, type Delivery } from './webhook-store.js';

const policy = (list?: string) =>
  hostPolicy(list === undefined ? {} : { TRUCELINE_WEBHOOK_HOSTS: list });
const answers =
  (table: Record<string, string[]>): Lookup =>
  async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

test('special addresses: private, loopback, link-local, metadata, mapped IPv4; public ones pass', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.31.255.1',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd12::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])
    assert.equal(isSpecialAddress(a), true, a);
  for (const a of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(isSpecialAddress(a), false, a);
});

test('the allowlist: names, *.subdomains, addresses and CIDR ranges', () => {
  const p = policy('hooks.example.org, *.partner.net, 10.20.0.0/16, 127.0.0.1, [::1]');
  assert.equal(hostAllowedBy('https://HOOKS.example.org/x', p), true);
  assert.equal(hostAllowedBy('https://a.b.partner.net/x', p), true);
  assert.equal(hostAllowedBy('https://partner.net/x', p), false);
  assert.equal(hostAllowedBy('http://10.20.3.4:8080/x', p), true);
  assert.equal(hostAllowedBy('http://10.21.0.1/x', p), false);
  assert.equal(hostAllowedBy('http://127.0.0.1:9/x', p), true);
  assert.equal(hostAllowedBy('http://[::1]:9/x', p), true);
  assert.equal(hostAllowedBy('http://evil.test/x', p), false);
  assert.equal(hostAllowedBy('http://anything.test/x', policy()), true, 'unset: any host');
});

test('resolved at delivery: private answers refused unless the operator listed them', async () => {
  const dns = answers({
    'rebound.example.com': ['10.0.0.7'],
    'hooks.example.org': ['10.0.0.8'],
    'x.partner.net': ['192.168.1.1'],
    'mixed.example.com': ['127.0.0.1', '93.184.215.14'],
    'public.example.com': ['93.184.215.14'],
  });
  // Unset list: any host, public addresses only.
  await assert.rejects(
    deliveryAddress('https://rebound.example.com/h', policy(), dns),
    (e: unknown) =>
      e instanceof HostRefused &&
      /rebound\.example\.com resolves to 10\.0\.0\.7, a private or special address; an operator who means it lists the host or its address in TRUCELINE_WEBHOOK_HOSTS/.test(
        e.message,
      ),
  );
  assert.deepEqual(await deliveryAddress('https://public.example.com/h', policy(), dns), {
    address: '93.184.215.14',
    family: 4,
  });
  // Of several answers, the first the policy allows is the one connected to.
  assert.equal(
    (await deliveryAddress('https://mixed.example.com/h', policy(), dns)).address,
    '93.184.215.14',
  );
  // A name listed exactly is vouched for by the operator; a wildcard is not.
  const p = policy('hooks.example.org, *.partner.net');
  assert.equal((await deliveryAddress('https://hooks.example.org/', p, dns)).address, '10.0.0.8');
  await assert.rejects(deliveryAddress('https://x.partner.net/', p, dns), /192\.168\.1\.1/);
  // A listed range allows its addresses under any allowed name.
  const q = policy('*.partner.net, 192.168.1.0/24');
  assert.equal((await deliveryAddress('https://x.partner.net/', q, dns)).address, '192.168.1.1');
  // A host dropped from the list after registration is refused at delivery.
  await assert.rejects(
    deliveryAddress('https://public.example.com/h', p, dns),
    /public\.example\.com is no longer among the hosts the operator allows/,
  );
  await assert.rejects(deliveryAddress('https://nowhere.example/h', policy(), dns), /no address/);
});

interface Got {
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver() {
  const got: Got[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    got,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface TwoStores {
  a: Store;
  b: Store;
  cleanup(): Promise<void>;
}

async function twoSqlite(dir: string): Promise<TwoStores> {
  const file = join(dir, 'one.db');
  const a = await openSqliteStore(file);
  const b = await openSqliteStore(file);
  return { a, b, cleanup: async () => void (await Promise.all([a.close(), b.close()])) };
}

async function twoPostgres(): Promise<TwoStores | string> {
  const db = await withFreshDatabase();
  if (typeof db === 'string') return db;
  const a = await openPostgresStore(db.url);
  const b = await openPostgresStore(db.url);
  return {
    a,
    b,
    cleanup: async () => {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    },
  };
}

function suite(name: string, open: (dir: string) => Promise<TwoStores | string>) {
  describe(`delivery on ${name}`, () => {
    let skip: string | undefined;
    let dir = '';
    let stores: TwoStores | undefined;
    let box: SecretBox;
    let key: WebhookSigningKey;
    const mission = 'pak-afg';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), `truceline-delivery-${name}-`));
      const s = await open(dir);
      if (typeof s === 'string') {
        skip = s;
        return;
      }
      stores = s;
      const doc = MissionDocSchema.parse(
        JSON.parse(
          readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8'),
        ),
      );
      await s.a.createMission(doc, new Date().toISOString());
      box = SecretBox.open(dir, {});
      key = WebhookSigningKey.open(dir);
    });
    after(async () => {
      await stores?.cleanup();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const options = (lookup: Lookup) => ({
      ...dispatcherOptions({}),
      retryBaseMs: 60_000, // a refused attempt waits: each test sees one attempt per message
      pollMs: 20,
      lookup,
    });
    const endpoint = async (url: string) => {
      const id = `wh_${crypto.randomUUID()}`;
      await new WebhookStore(stores!.a).addEndpoint({
        id,
        mission,
        url,
        events: ['crossing.changed'],
        role: 'public',
        secret_cipher: box.seal(newSecret(), id),
        created_at: new Date().toISOString(),
        created_by: 'admin',
        disabled_at: null,
        disabled_reason: null,
      });
      return id;
    };
    const message = (ep: string, n: number): Delivery => {
      const now = new Date().toISOString();
      return {
        id: `msg_${crypto.randomUUID()}`,
        endpoint: ep,
        event: 'crossing.changed',
        entry_idx: n,
        payload: JSON.stringify({ type: 'crossing.changed', timestamp: now, data: { n } }),
        status: 'pending',
        attempts: 0,
        next_at: now,
        last_status: null,
        last_error: null,
        created_at: now,
        done_at: null,
      };
    };

    test('a name resolving to loopback at delivery is refused; a listed one reaches the checked address', async (t) => {
      if (skip) return t.skip(skip);
      const rx = await receiver();
      const ws = new WebhookStore(stores!.a);
      const dns = answers({ 'rebound.example.com': ['127.0.0.1'], 'rx.invalid': ['127.0.0.1'] });
      try {
        const refusedEp = await endpoint(`http://rebound.example.com:${rx.port}/hook`);
        const refused = message(refusedEp, 1);
        await ws.addDelivery(refused);
        const worker = new DeliveryWorker(ws, box, key, options(dns), {
          TRUCELINE_WEBHOOK_HOSTS: '*.example.com, rx.invalid',
        });
        worker.wake(0);
        await until(
          'the refused attempt recorded',
          async () => ((await ws.delivery(refusedEp, refused.id))?.attempts ?? 0) >= 1,
        );
        const row = await ws.delivery(refusedEp, refused.id);
        assert.equal(row?.status, 'pending', 'retried later: the operator may allow it');
        assert.match(row?.last_error ?? '', /rebound\.example\.com resolves to 127\.0\.0\.1/);
        assert.equal(rx.got.length, 0, 'nothing reached the loopback receiver');

        const listedEp = await endpoint(`http://rx.invalid:${rx.port}/hook`);
        const listed = message(listedEp, 2);
        await ws.addDelivery(listed);
        worker.wake(0);
        await until('the listed delivery', () => rx.got.length >= 1);
        await worker.stop();
        assert.equal(rx.got[0]!.headers['webhook-id'], listed.id);
        assert.equal(rx.got[0]!.headers.host, `rx.invalid:${rx.port}`, 'the URL names the host');
        await until(
          'recorded as delivered',
          async () => (await ws.delivery(listedEp, listed.id))?.status === 'delivered',
        );
      } finally {
        await rx.close();
      }
    });

    test('two dispatchers on one database deliver every message once', async (t) => {
      if (skip) return t.skip(skip);
      const rx = await receiver();
      const wa = new WebhookStore(stores!.a);
      const wb = new WebhookStore(stores!.b);
      const dns = answers({});
      const env = { TRUCELINE_WEBHOOK_HOSTS: '127.0.0.1' };
      const workers = [
        new DeliveryWorker(wa, box, key, options(dns), env),
        new DeliveryWorker(wb, box, key, options(dns), env),
      ];
      try {
        const ep = await endpoint(`http://127.0.0.1:${rx.port}/hook`);
        const queued = Array.from({ length: 60 }, (_, n) => message(ep, 100 + n));
        for (const d of queued) await wa.addDelivery(d);
        // Both wake at once and poll every 20 ms, so they race for the same rows throughout.
        for (const w of workers) w.wake(0);
        await until(
          'all delivered',
          async () =>
            (await wa.deliveries(ep, 1000)).filter((d) => d.status === 'delivered').length ===
            queued.length,
        );
        await new Promise((r) => setTimeout(r, 200)); // a late duplicate would arrive by now
        await Promise.all(workers.map((w) => w.stop()));
        const ids = rx.got.map((g) => String(g.headers['webhook-id']));
        assert.equal(ids.length, queued.length, 'each message once, none twice');
        assert.deepEqual(new Set(ids), new Set(queued.map((d) => d.id)));
        const rows = await wb.deliveries(ep, 1000);
        assert.ok(rows.every((d) => d.attempts === 1));
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        await rx.close();
      }
    });
  });
}

suite('SQLite', twoSqlite);
suite('PostgreSQL', () => twoPostgres());
