// The webhook routes in the OpenAPI document (src/server/openapi/route-docs.ts): admin only.
import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-docs.js';
import { EVENT_TYPES } from './events.js';
import { WebhookBodySchema } from './routes.js';

const Json = (description: string) => ({ description, contentType: 'application/json' });
const ADMIN = ['admin'] as const;
const Slug = z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') });
const SlugId = Slug.extend({ id: z.string().describe('webhook id, wh_…') });
const SlugIdDelivery = SlugId.extend({ delivery: z.string().describe('delivery id, msg_…') });
const events = EVENT_TYPES.join(', ');

export const WEBHOOK_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/webhooks',
    tag: 'webhooks',
    summary: 'Register a webhook endpoint for some of the events',
    description: `Events: ${events}. Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature "v1," HMAC-SHA256 over id.timestamp.body with the whsec_ secret, answered once here, and "v1a," Ed25519 over the same with the server's key at …/webhooks/public-key). Payloads carry what \`role\` may read (public by default). Retried with backoff and jitter, honouring Retry-After; 410 disables the endpoint.`,
    access: ADMIN,
    params: Slug,
    body: { contentType: 'application/json', schema: WebhookBodySchema },
    responses: {
      201: Json('the endpoint and its signing secret (shown once)'),
      400: Json('a malformed body, the field named'),
      403: Json('not an admin of this mission'),
      422: Json("the URL's host is not in the operator's TRUCELINE_WEBHOOK_HOSTS"),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/webhooks',
    tag: 'webhooks',
    summary: "The mission's webhook endpoints (never their secrets)",
    access: ADMIN,
    params: Slug,
    responses: { 200: Json('{webhooks}') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/webhooks/public-key',
    tag: 'webhooks',
    summary: 'The Ed25519 public key (whpk_…) that checks the v1a webhook signatures',
    access: 'public',
    params: Slug,
    responses: { 200: Json('{publicKey, scheme}') },
  },
  {
    method: 'DELETE',
    path: '/api/v1/missions/:slug/webhooks/:id',
    tag: 'webhooks',
    summary: 'Remove an endpoint and its deliveries',
    access: ADMIN,
    params: SlugId,
    responses: { 204: { description: 'removed' }, 404: Json('no such webhook') },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/webhooks/:id/deliveries',
    tag: 'webhooks',
    summary: "An endpoint's delivery log, newest first (status, attempts, last answer)",
    access: ADMIN,
    params: SlugId,
    responses: { 200: Json('{webhook, deliveries}'), 404: Json('no such webhook') },
  },
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/webhooks/:id/test',
    tag: 'webhooks',
    summary: 'Queue a webhook.test delivery to the endpoint',
    access: ADMIN,
    params: SlugId,
    responses: { 202: Json('{delivery}'), 404: Json('no such webhook') },
  },
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/webhooks/:id/deliveries/:delivery/redeliver',
    tag: 'webhooks',
    summary: 'Queue a delivery again, with the same webhook-id',
    access: ADMIN,
    params: SlugIdDelivery,
    responses: { 202: Json('{delivery}'), 404: Json('no such webhook or delivery') },
  },
];
