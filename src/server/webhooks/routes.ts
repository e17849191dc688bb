// Mission webhooks for admins (issue 14 item 4), all within the admin's own mission:
//   POST   /api/v1/missions/<slug>/webhooks                            register {url, events, role?}: the
//                                                                      signing secret (whsec_…) is answered once
//   GET    /api/v1/missions/<slug>/webhooks                            the endpoints (never their secrets)
//   GET    /api/v1/missions/<slug>/webhooks/public-key                 the v1a Ed25519 key (public)
//   DELETE /api/v1/missions/<slug>/webhooks/<id>                       remove one and its deliveries
//   GET    /api/v1/missions/<slug>/webhooks/<id>/deliveries            its delivery log, newest first
//   POST   /api/v1/missions/<slug>/webhooks/<id>/test                  queue a webhook.test delivery
//   POST   /api/v1/missions/<slug>/webhooks/<id>/deliveries/<d>/redeliver   queue a delivery again
// Payloads carry what the endpoint's role may read ('public' unless registered for analyst or
// mediator); see events.ts and dispatcher.ts.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { authFor } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { requireMission } from '../workflow/context.js';
import { WebhookSigningKey } from './asymmetric.js';
import { dispatcherOptions, WebhookDispatcher } from './dispatcher.js';
import { hostAllowedBy, hostPolicy } from './host-guard.js';
import { EVENT_TYPES, TEST_EVENT, WEBHOOK_ROLES } from './events.js';
import { newSecret, SecretBox } from './secrets.js';
import { WebhookStore, type Delivery, type Endpoint } from './webhook-store.js';

export const WebhookBodySchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'an http or https URL' })
      .max(2000)
      .describe('where deliveries are POSTed'),
    events: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length).describe('event types'),
    role: z.enum(WEBHOOK_ROLES).default('public').describe('whose view payloads carry'),
  })
  .strict();
const IdSchema = z.string().regex(/^wh_[0-9a-f-]{36}$/, 'a webhook id (wh_…)');
const DeliveryIdSchema = z.string().regex(/^msg_[0-9a-f-]{36}$/, 'a delivery id (msg_…)');

const view = (e: Endpoint) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  role: e.role,
  createdAt: e.created_at,
  createdBy: e.created_by,
  disabledAt: e.disabled_at,
  disabledReason: e.disabled_reason,
});
const deliveryView = (d: Delivery) => ({
  id: d.id,
  event: d.event,
  entryIndex: d.entry_idx < 0 ? null : d.entry_idx,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.next_at : null,
  lastStatus: d.last_status,
  lastError: d.last_error,
  createdAt: d.created_at,
  doneAt: d.done_at,
});

/**
 * Whether the operator's allowlist TRUCELINE_WEBHOOK_HOSTS (host-guard.ts: names, "*.example.org"
 * for its subdomains, addresses, CIDR ranges) allows the URL's host, so an admin cannot point the
 * server at any address it reaches (an internal service, say). Unset: any host. Checked again, with
 * the host resolved, at each delivery.
 */
export function hostAllowed(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return hostAllowedBy(url, hostPolicy(env));
}

export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const store = new WebhookStore(ctx.store);
  let box: SecretBox | undefined;
  const secrets = () => (box ??= SecretBox.open(ctx.config.dataDir));
  let key: WebhookSigningKey | undefined;
  const signingKey = () => (key ??= WebhookSigningKey.open(ctx.config.dataDir));
  let dispatcher: WebhookDispatcher | undefined;
  app.addHook('onReady', async () => {
    dispatcher = new WebhookDispatcher(ctx, store, secrets(), signingKey(), dispatcherOptions());
    dispatcher.start();
  });
  app.addHook('onClose', async () => dispatcher?.stop());

  /** The caller must be an admin of this mission. */
  const admin = async (request: FastifyRequest<{ Params: { slug: string } }>, what: string) => {
    const slug = await requireMission(ctx, request.params.slug);
    const c = await auth.require(request, ['admin'], what);
    if (c.mission !== slug)
      throw new HttpError(
        403,
        'forbidden',
        `couldn't ${what}: you are an admin of ${c.mission}, not ${slug}`,
      );
    return { slug, c };
  };
  const endpoint = async (slug: string, id: string, what: string) => {
    const parsed = IdSchema.safeParse(id);
    const e = parsed.success ? await store.endpoint(slug, id) : undefined;
    if (!e) throw new HttpError(404, 'not_found', `couldn't ${what}: no webhook ${id} in ${slug}`);
    return e;
  };

  app.post<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/webhooks',
    { bodyLimit: 16 * 1024 },
    async (request, reply) => {
      const what = 'register the webhook';
      const { slug, c } = await admin(request, what);
      const body = parseInput(WebhookBodySchema, request.body, what);
      if (!hostAllowed(body.url))
        throw new HttpError(
          422,
          'host_not_allowed',
          `couldn't ${what}: ${new URL(body.url).hostname} is not among the hosts the operator allows (TRUCELINE_WEBHOOK_HOSTS)`,
          { allowed: process.env.TRUCELINE_WEBHOOK_HOSTS },
        );
      const id = `wh_${randomUUID()}`;
      const secret = newSecret();
      const e: Endpoint = {
        id,
        mission: slug,
        url: body.url,
        events: [...new Set(body.events)],
        role: body.role,
        secret_cipher: secrets().seal(secret, id),
        created_at: new Date().toISOString(),
        created_by: c.user.name,
        disabled_at: null,
        disabled_reason: null,
      };
      await store.addEndpoint(e);
      void reply.status(201).header('cache-control', 'no-store');
      return { webhook: view(e), secret };
    },
  );

  // Public: anyone may check a v1a signature.
  app.get<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/webhooks/public-key',
    async (request) => {
      await requireMission(ctx, request.params.slug);
      return { publicKey: signingKey().publicKey, scheme: 'v1a' };
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/webhooks', async (request) => {
    const { slug } = await admin(request, 'list the webhooks');
    return { webhooks: (await store.endpoints(slug)).map(view) };
  });

  app.delete<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/webhooks/:id',
    async (request, reply) => {
      const what = 'remove the webhook';
      const { slug } = await admin(request, what);
      await endpoint(slug, request.params.id, what);
      await store.removeEndpoint(slug, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/webhooks/:id/deliveries',
    async (request) => {
      const what = 'list the deliveries';
      const { slug } = await admin(request, what);
      const e = await endpoint(slug, request.params.id, what);
      return { webhook: view(e), deliveries: (await store.deliveries(e.id)).map(deliveryView) };
    },
  );

  app.post<{ Params: { slug: string; id: string } }>(
    '/api/v1/missions/:slug/webhooks/:id/test',
    async (request, reply) => {
      const what = 'send a test delivery';
      const { slug } = await admin(request, what);
      const e = await endpoint(slug, request.params.id, what);
      const now = new Date().toISOString();
      const d: Delivery = {
        id: `msg_${randomUUID()}`,
        endpoint: e.id,
        event: TEST_EVENT,
        entry_idx: -Date.now(),
        payload: JSON.stringify({
          type: TEST_EVENT,
          timestamp: now,
          data: { mission: slug, webhook: e.id },
        }),
        status: 'pending',
        attempts: 0,
        next_at: now,
        last_status: null,
        last_error: null,
        created_at: now,
        done_at: null,
      };
      await store.addDelivery(d);
      dispatcher?.wake(0);
      return reply.status(202).send({ delivery: deliveryView(d) });
    },
  );

  app.post<{ Params: { slug: string; id: string; delivery: string } }>(
    '/api/v1/missions/:slug/webhooks/:id/deliveries/:delivery/redeliver',
    async (request, reply) => {
      const what = 'redeliver';
      const { slug } = await admin(request, what);
      const e = await endpoint(slug, request.params.id, what);
      const d = DeliveryIdSchema.safeParse(request.params.delivery).success
        ? await store.delivery(e.id, request.params.delivery)
        : undefined;
      if (!d)
        throw new HttpError(
          404,
          'not_found',
          `couldn't ${what}: no delivery ${request.params.delivery} of ${e.id}`,
        );
      const now = new Date().toISOString();
      await store.record(d.id, {
        status: 'pending',
        attempts: 0,
        next_at: now,
        last_status: d.last_status,
        last_error: d.last_error,
        done_at: null,
      });
      dispatcher?.wake(0);
      return reply.status(202).send({
        delivery: deliveryView({
          ...d,
          status: 'pending',
          attempts: 0,
          next_at: now,
          done_at: null,
        }),
      });
    },
  );
}
