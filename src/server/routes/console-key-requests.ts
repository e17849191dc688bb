// Key requests for the console (issue 11 item 2: proof of possession and the organisation's
// consent, src/core/keys/registry.ts KEY_RULES):
//   POST /api/v1/missions/<slug>/key-requests  {vkey, proof}
//     A signed-in user of the mission asks for their new key to be registered. `proof` is the new
//     key's signature over possessionMessage(mission, user, vkey), verified here before anything is
//     stored; org and role are the user's own. 201 (new) or 200 (asked already); 409 when the log
//     has the key registered already.
//   GET  /api/v1/missions/<slug>/key-requests
//     {steward, items}: the caller's own requests, and, for a key steward (a user holding a
//     registered, unrevoked steward key), every request of their organisation.
// Consent is not given here: the steward signs a `key` register entry in their own browser and
// POSTs it to …/entries, where the log's key rules decide. The server holds only public data.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseEntry } from '../../core/envelope.js';
import { possessionValid } from '../../core/keys/possession.js';
import { authorIdOf } from '../../core/signing.js';
import { SIG_TYPE_ED25519, parseVerifierKey } from '../../tlog/note-key.js';
import { KeyRequests, type KeyRequestRow } from '../../store/key-requests.js';
import type { AppContext } from '../app.js';
import { authFor, type SignedInCaller } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import type { RouteDoc } from '../openapi/route-docs.js';
import { requireMission } from '../workflow/context.js';

export const KeyRequestBodySchema = z.strictObject({
  vkey: z
    .string()
    .max(300)
    .refine((v) => {
      try {
        return parseVerifierKey(v).type === SIG_TYPE_ED25519;
      } catch {
        return false;
      }
    }, 'vkey must be a c2sp.org/signed-note Ed25519 (type 0x01) verifier key')
    .describe('the new key: name+hash+base64(0x01 ‖ public key)'),
  proof: z
    .string()
    .regex(/^[A-Za-z0-9+/]{86}==$/, 'proof is base64 of a 64-byte Ed25519 signature')
    .describe("the new key's signature over possessionMessage(mission, user, vkey)"),
});

const KeyRequestSchema = z.object({
  author: z.string(),
  user: z.string(),
  org: z.string(),
  role: z.string(),
  vkey: z.string(),
  proof: z.string(),
  createdAt: z.string(),
  state: z.enum(['pending', 'registered', 'revoked']),
});
const ListSchema = z.object({
  steward: z.boolean().describe("whether the caller holds a key steward's key of their org"),
  items: z.array(KeyRequestSchema),
});

const Slug = z.object({ slug: z.string().describe('mission slug, e.g. pak-afg') });
export const KEY_REQUEST_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/v1/missions/:slug/key-requests',
    tag: 'keys',
    summary: 'Ask for a new key to be registered (its proof of possession attached)',
    description:
      "The proof is checked before the request is stored. The key is registered only when a key steward of the user's organisation signs a `key` entry for it (POST …/entries).",
    access: 'signed-in',
    params: Slug,
    body: { contentType: 'application/json', schema: KeyRequestBodySchema },
    responses: {
      201: {
        description: 'the request',
        contentType: 'application/json',
        schema: KeyRequestSchema,
      },
      200: {
        description: 'asked already: the request as it stands',
        contentType: 'application/json',
      },
      400: { description: 'a bad vkey or proof shape', contentType: 'application/json' },
      403: { description: 'not a user of this mission', contentType: 'application/json' },
      409: {
        description: 'the log has this key registered already',
        contentType: 'application/json',
      },
      422: { description: 'the proof does not verify', contentType: 'application/json' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/missions/:slug/key-requests',
    tag: 'keys',
    summary: "My key requests, and (for a key steward) my organisation's",
    access: 'signed-in',
    params: Slug,
    responses: {
      200: { description: '{steward, items}', contentType: 'application/json', schema: ListSchema },
      403: { description: 'not a user of this mission', contentType: 'application/json' },
    },
  },
];

/** Whether `userId` holds a registered, unrevoked key that is a key steward of its organisation. */
async function isSteward(ctx: AppContext, slug: string, userId: string): Promise<boolean> {
  const keys = await ctx.store.db
    .selectFrom('keys')
    .select('author')
    .where('mission', '=', slug)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  if (!keys.length) return false;
  const mine = new Set(keys.map((k) => k.author));
  const rows = await ctx.store.db
    .selectFrom('entries')
    .select('bytes')
    .where('mission', '=', slug)
    .where('kind', '=', 'key')
    .orderBy('idx')
    .execute();
  for (const r of rows) {
    let env;
    try {
      env = parseEntry(r.bytes instanceof Uint8Array ? r.bytes : new Uint8Array(r.bytes));
    } catch {
      continue;
    }
    const b = env.body as { action?: string; vkey?: unknown; steward?: unknown };
    if (b.action !== 'register' || typeof b.vkey !== 'string') continue;
    const author = authorIdOf(b.vkey);
    if (!mine.has(author)) continue;
    // A key registering itself is a mission-listed steward (registry.ts checkRegister); another
    // key is a steward when its registration says so.
    if (env.author === author || b.steward === true) return true;
  }
  return false;
}

function member(caller: SignedInCaller, slug: string, what: string): void {
  if (caller.mission !== slug)
    throw new HttpError(403, 'forbidden', `couldn't ${what}: you are not a user of ${slug}`);
}

export function registerConsoleKeyRequestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const requests = new KeyRequests(ctx.store);

  app.post<{ Params: { slug: string } }>(
    '/api/v1/missions/:slug/key-requests',
    async (request, reply) => {
      const what = 'request a key';
      const caller = await auth.require(request, undefined, what);
      const slug = await requireMission(ctx, request.params.slug);
      member(caller, slug, what);
      const body = parseInput(KeyRequestBodySchema, request.body, what);
      const user = caller.user;
      if (!possessionValid(slug, user.name, body.vkey, body.proof))
        throw new HttpError(
          422,
          'key_proof',
          `couldn't ${what}: the proof does not verify with ${body.vkey.split('+')[0]} for user ${user.name} of ${slug}; sign possessionMessage(mission, user, vkey) with the new key`,
          { rule: 'key_proof' },
        );
      const author = authorIdOf(body.vkey);
      const held = await ctx.store.keyByAuthor(author);
      if (held)
        throw new HttpError(
          409,
          'conflict',
          `couldn't ${what}: the log has ${author} registered already; use it, or make a new key`,
        );
      const created = await requests.add({
        mission: slug,
        author,
        user_id: user.id,
        org: user.org,
        role: user.role,
        vkey: body.vkey,
        proof: body.proof,
        created_at: new Date().toISOString(),
      });
      const mine = await requests.list(slug, { userId: user.id });
      const item = mine.find((r) => r.author === author);
      if (!item)
        throw new HttpError(
          409,
          'conflict',
          `couldn't ${what}: ${author} was requested by another user; make a new key`,
        );
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/key-requests', async (request) => {
    const what = 'read key requests';
    const caller = await auth.require(request, undefined, what);
    const slug = await requireMission(ctx, request.params.slug);
    member(caller, slug, what);
    const steward = await isSteward(ctx, slug, caller.user.id);
    const own = await requests.list(slug, { userId: caller.user.id });
    const items: KeyRequestRow[] = steward
      ? await requests.list(slug, { org: caller.user.org })
      : own;
    return { steward, items };
  });
}
