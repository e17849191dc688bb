// `truceline webhooks add|list|remove|deliveries`: a mission admin's webhooks over the webhook API
// (src/server/webhooks/routes.ts), so the server's checks apply as they do to any client: the
// admin's own mission only, the operator's host allowlist, the events and roles it knows.
//   add URL --events E1,E2 [--role public|analyst|mediator]   prints the id and the signing secret
//                                                              (shown once) and the v1a public key
//   list                                                      the endpoints, never their secrets
//   remove ID                                                 the endpoint and its deliveries
//   deliveries ID [--redeliver MSG] [--test]                  the delivery log, newest first; queue
//                                                              a delivery again, or a test delivery
import type { Command } from 'commander';
import { answerError, connect, type ConnectionOptions } from '../connection.js';

interface Common extends ConnectionOptions {
  mission?: string;
  json?: boolean;
}

interface WebhookView {
  id: string;
  url: string;
  events: string[];
  role: string;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
}

interface DeliveryView {
  id: string;
  event: string;
  entryIndex: number | null;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

/** Calls the webhook API as the --as admin; the JSON answer, or an error naming the server's reason. */
async function call<T>(
  opts: Common,
  what: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T | undefined> {
  const c = connect('webhooks', opts, true);
  const mission = opts.mission ?? c.mission;
  if (!mission) throw new Error('webhooks needs --mission SLUG');
  const res = await fetch(
    `${c.server}/api/v1/missions/${encodeURIComponent(mission)}/webhooks${path}`,
    {
      method,
      headers: {
        authorization: `Bearer ${c.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  );
  if (res.status >= 300) throw new Error(`couldn't ${what}: ${await answerError(res)}`);
  return res.status === 204 ? undefined : ((await res.json()) as T);
}

const withConnection = (cmd: Command) =>
  cmd
    .option('--mission <slug>', 'the mission (default: the credentials file names it)')
    .option('--server <url>', 'the server (default: the credentials file names it)')
    .option('--credentials <file>', 'a credentials file holding the admin (or TRUCELINE_TOKEN)')
    .option('--as <user>', 'the admin of the credentials file')
    .option('--json', 'print the server’s JSON answer');

const print = (opts: Common, json: unknown, lines: () => string[]) =>
  console.log(opts.json ? JSON.stringify(json, null, 2) : lines().join('\n'));

function webhookLine(w: WebhookView): string {
  const state = w.disabledAt ? `disabled ${w.disabledAt}: ${w.disabledReason ?? ''}` : 'enabled';
  return `${w.id}  ${w.url}  ${w.events.join(',')}  role ${w.role}  ${state}`;
}

function deliveryLine(d: DeliveryView): string {
  const entry = d.entryIndex === null ? '' : ` entry ${d.entryIndex}`;
  const last = d.lastStatus !== null ? ` last HTTP ${d.lastStatus}` : '';
  const err = d.lastError && d.status !== 'delivered' ? ` (${d.lastError})` : '';
  const next = d.nextAttemptAt ? ` next ${d.nextAttemptAt}` : '';
  return `${d.id}  ${d.event}${entry}  ${d.status} after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}${last}${err}${next}`;
}

export function registerWebhooks(program: Command): void {
  const webhooks = program
    .command('webhooks')
    .description("a mission's webhooks (admins): add, list, remove, deliveries");

  withConnection(
    webhooks
      .command('add')
      .description('register an endpoint; prints its signing secret once')
      .argument('<url>', 'where deliveries are POSTed (http or https)')
      .requiredOption('--events <list>', 'comma-separated event types, e.g. incident.released')
      .option('--role <role>', 'whose view payloads carry: public, analyst or mediator', 'public'),
  ).action(async (url: string, opts: Common & { events: string; role: string }) => {
    const events = opts.events
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const answer = await call<{ webhook: WebhookView; secret: string }>(
      opts,
      'add the webhook',
      'POST',
      '',
      { url, events, role: opts.role },
    );
    const key = await call<{ publicKey: string }>(
      opts,
      'read the public key',
      'GET',
      '/public-key',
    );
    print(opts, { ...answer, publicKey: key?.publicKey }, () => [
      `truceline: added ${webhookLine(answer!.webhook)}`,
      `secret ${answer!.secret}`,
      '  (shown once: the receiver checks "v1," signatures with it; keep it secret)',
      `public key ${key!.publicKey}`,
      '  (the receiver may check "v1a," signatures with it instead)',
    ]);
  });

  withConnection(webhooks.command('list').description("the mission's endpoints")).action(
    async (opts: Common) => {
      const answer = await call<{ webhooks: WebhookView[] }>(opts, 'list the webhooks', 'GET', '');
      print(opts, answer, () =>
        answer!.webhooks.length === 0
          ? ['truceline: no webhooks']
          : answer!.webhooks.map(webhookLine),
      );
    },
  );

  withConnection(
    webhooks
      .command('remove')
      .description('remove an endpoint and its deliveries')
      .argument('<id>', 'the webhook (wh_…)'),
  ).action(async (id: string, opts: Common) => {
    await call(opts, `remove webhook ${id}`, 'DELETE', `/${encodeURIComponent(id)}`);
    print(opts, { removed: id }, () => [`truceline: removed ${id}`]);
  });

  withConnection(
    webhooks
      .command('deliveries')
      .description("an endpoint's delivery log, newest first")
      .argument('<id>', 'the webhook (wh_…)')
      .option('--redeliver <msg>', 'queue this delivery (msg_…) again')
      .option('--test', 'queue a webhook.test delivery'),
  ).action(async (id: string, opts: Common & { redeliver?: string; test?: boolean }) => {
    const at = `/${encodeURIComponent(id)}`;
    if (opts.redeliver !== undefined && opts.test)
      throw new Error('deliveries takes --redeliver MSG or --test, not both');
    if (opts.redeliver !== undefined || opts.test) {
      const answer = opts.test
        ? await call<{ delivery: DeliveryView }>(
            opts,
            'send a test delivery',
            'POST',
            `${at}/test`,
            {},
          )
        : await call<{ delivery: DeliveryView }>(
            opts,
            `redeliver ${opts.redeliver}`,
            'POST',
            `${at}/deliveries/${encodeURIComponent(opts.redeliver!)}/redeliver`,
            {},
          );
      return print(opts, answer, () => [`truceline: queued ${deliveryLine(answer!.delivery)}`]);
    }
    const answer = await call<{ webhook: WebhookView; deliveries: DeliveryView[] }>(
      opts,
      'list the deliveries',
      'GET',
      `${at}/deliveries`,
    );
    print(opts, answer, () => [
      webhookLine(answer!.webhook),
      ...(answer!.deliveries.length === 0
        ? ['  no deliveries yet']
        : answer!.deliveries.map((d) => `  ${deliveryLine(d)}`)),
    ]);
  });
}
