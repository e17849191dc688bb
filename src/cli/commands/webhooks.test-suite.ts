// `truceline webhooks add|list|remove|deliveries` against real `truceline serve --demo` processes
// on SQLite and PostgreSQL, with a real receiver on 127.0.0.1: only the admin may add; the secret is
// printed once and checks the deliveries' signatures (the standardwebhooks package's verify); list
// never shows it; --test queues a webhook.test delivery that arrives signed, after the receiver's
// 500 is retried; deliveries shows it delivered; --redeliver sends the same message id again;
// remove leaves no endpoint; the server's refusal (403 for a non-admin) is passed on. One file per
// store (webhooks-sqlite.test.ts, webhooks-postgres.test.ts): each CLI run is a process start.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { Credentials } from '../../server/provision.js';
import { startServe, type RunningCli } from '../../../test/support/cli.js';
import { runCliAsync } from '../../../test/support/lying-log.js';

interface Got {
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver(plan: number[]) {
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
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    got,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function webhooksCliSuite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`truceline webhooks on ${name}`, () => {
    let skip: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let dir = '';
    let server: RunningCli | undefined;
    let creds = '';
    before(async () => {
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      dir = mkdtempSync(join(tmpdir(), `truceline-webhooks-cli-${name}-`));
      server = await startServe(
        ['--demo', '--port', '0', '--data', join(dir, 'data'), ...(d ? ['--db', d.url] : [])],
        {
          TRUCELINE_WEBHOOK_HOSTS: '127.0.0.1',
          TRUCELINE_WEBHOOK_RETRY_MS: '100',
          TRUCELINE_WEBHOOK_POLL_MS: '50',
          TRUCELINE_LOG_BATCH_INTERVAL_MS: '5',
        },
      );
      creds = join(dir, 'data', 'demo-credentials.json');
    });
    after(async () => {
      await server?.stop();
      await drop?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const cli = (args: string[], as = 'admin') =>
      runCliAsync(['webhooks', ...args, '--credentials', creds, '--as', as]);

    test('add, list, test delivery with a retry, deliveries, redeliver, remove', async (t) => {
      if (skip) return t.skip(skip);
      const rx = await receiver([500]);
      try {
        // Each run is a process start (seconds on a loaded machine): the server's own refusals are
        // tested in src/server/webhooks/webhooks.test.ts; here, that the CLI passes them on.
        const refused = await cli(['add', rx.url, '--events', 'incident.released'], 'analyst');
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /couldn't add the webhook: HTTP 403/);

        const added = await cli(['add', rx.url, '--events', 'incident.released,crossing.changed']);
        assert.equal(added.code, 0, added.stderr);
        const id = /added (wh_[0-9a-f-]{36})/.exec(added.stdout)?.[1];
        const secret = /^secret (whsec_\S+)$/m.exec(added.stdout)?.[1];
        assert.ok(id && secret, added.stdout);
        assert.match(added.stdout, /^public key whpk_\S+$/m);
        assert.match(
          added.stdout,
          /incident\.released,crossing\.changed {2}role public {2}enabled/,
        );

        const listed = await cli(['list']);
        assert.equal(listed.code, 0, listed.stderr);
        assert.ok(listed.stdout.includes(id) && listed.stdout.includes(rx.url));
        assert.ok(!listed.stdout.includes('whsec_'), 'list never shows a secret');
        const queued = await cli(['deliveries', id, '--test']);
        assert.equal(queued.code, 0, queued.stderr);
        const msg = /queued (msg_[0-9a-f-]{36}) {2}webhook\.test/.exec(queued.stdout)?.[1];
        assert.ok(msg, queued.stdout);
        await until('the retried test delivery', () => rx.got.length >= 2);
        for (const g of rx.got) {
          assert.equal(g.headers['webhook-id'], msg);
          new Webhook(secret).verify(g.body, g.headers as Record<string, string>); // throws if not
        }
        assert.equal((JSON.parse(rx.got[1]!.body) as { type: string }).type, 'webhook.test');
        // Waited for through the API (a CLI run per poll costs a process start), then shown.
        const token = (JSON.parse(readFileSync(creds, 'utf8')) as Credentials).users.admin!.token;
        await until('recorded as delivered', async () => {
          const r = await fetch(
            `${server!.url}/api/v1/missions/pak-afg/webhooks/${id}/deliveries`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const j = (await r.json()) as { deliveries: { status: string }[] };
          return j.deliveries[0]?.status === 'delivered';
        });
        const shown = await cli(['deliveries', id]);
        assert.match(
          shown.stdout,
          new RegExp(`${msg} {2}webhook\\.test {2}delivered after 2 attempts last HTTP 200`),
        );

        const again = await cli(['deliveries', id, '--redeliver', msg]);
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stdout, /queued msg_\S+ {2}webhook\.test {2}pending/);
        await until('the redelivery', () => rx.got.length >= 3);
        assert.equal(rx.got[2]!.headers['webhook-id'], msg, 'a redelivery keeps its id');

        const both = await cli(['deliveries', id, '--redeliver', msg, '--test']);
        assert.equal(both.code, 1);
        assert.match(both.stderr, /--redeliver MSG or --test, not both/);

        const removed = await cli(['remove', id]);
        assert.equal(removed.code, 0, removed.stderr);
        assert.match(removed.stdout, new RegExp(`removed ${id}`));
        assert.match((await cli(['list'])).stdout, /no webhooks/);
      } finally {
        await rx.close();
      }
    });
  });
}
