// User management for admins (issue 4, item 1; docs/architecture.md "Who uses it": the admin "creates
// missions, orgs, users, keys"), all within the admin's own mission:
//   POST   /api/v1/admin/users                    create a user: role from its organisation,
//                                                 password hashed with scrypt (passwords.ts),
//                                                 a first API token shown once
//   POST   /api/v1/admin/users/:name/password     set or generate a new password; ends its sessions
//   POST   /api/v1/admin/users/:name/tokens       issue another API token (shown once)
//   DELETE /api/v1/admin/users/:name/tokens       revoke every API token of the user
// A user's signing key is not made here: the admin registers it with a signed `key` entry, since
// the server never holds a private key (docs/architecture.md "Entries").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { newId } from '../../core/ids.js';
import { OrgCodeSchema } from '../../core/records/mission.js';
import type { User } from '../../store/store.js';
import { UserAdminStore } from '../../store/user-admin.js';
import type { AppContext } from '../app.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import type { RouteDoc } from '../openapi/route-docs.js';
import { hashToken, newToken } from '../tokens.js';
import { authFor, type SignedInCaller } from './caller.js';
import { hashPassword, MAX_PASSWORD_LENGTH, newPassword } from './passwords.js';

/** Shortest password an admin may set (NIST SP 800-63B asks for at least 8; we ask more). */
export const MIN_PASSWORD_LENGTH = 12;

const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);
const LabelSchema = z.string().min(1).max(100);

export const CreateUserBodySchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'a user name is lower-case, 2-63 chars'),
    displayName: z.string().min(1).max(200),
    /** The user's organisation in the mission; the user's role is the organisation's kind. */
    org: OrgCodeSchema,
    /** Omitted: a random one is generated and answered once. */
    password: PasswordSchema.optional(),
    tokenLabel: LabelSchema.optional(),
  })
  .strict();
export const PasswordBodySchema = z.object({ password: PasswordSchema.optional() }).strict();
export const TokenBodySchema = z.object({ label: LabelSchema.optional() }).strict();
const UserParams = z.object({
  name: z.string().max(63).describe('user name'),
});

const UserViewSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  org: z.string(),
  role: z.string(),
  mission: z.string(),
});
export const CreatedUserSchema = z.object({
  user: UserViewSchema,
  token: z.string().describe('API token, shown this once'),
  password: z.string().optional().describe('the generated password, shown this once'),
});

const view = (u: User) => ({
  name: u.name,
  displayName: u.display_name,
  org: u.org,
  role: u.role,
  mission: u.mission,
});

export function registerUserAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const admin = new UserAdminStore(ctx.store);
  const requireAdmin = (request: FastifyRequest, what: string) =>
    auth.require(request, ['admin'], what);

  /** The named user of the admin's own mission (404 otherwise: other missions are not shown). */
  const target = async (c: SignedInCaller, name: string, what: string): Promise<User> => {
    const u = await ctx.store.userByName(name);
    if (!u || u.mission !== c.mission)
      throw new HttpError(404, 'not_found', `couldn't ${what}: no user ${name} in ${c.mission}`);
    return u;
  };
  const issueToken = async (u: User, label: string) => {
    const token = newToken();
    await ctx.store.addToken(hashToken(token), u.id, label, new Date().toISOString());
    return token;
  };

  app.post('/api/v1/admin/users', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const what = 'create the user';
    const c = await requireAdmin(request, what);
    const body = parseInput(CreateUserBodySchema, request.body, what);
    const doc = (await ctx.store.getMission(c.mission))?.doc;
    const org = doc?.organisations.find((o) => o.code === body.org);
    if (!org)
      throw new HttpError(
        422,
        'unknown_org',
        `couldn't ${what}: ${body.org} is not an organisation of ${c.mission}`,
      );
    const password = body.password ?? newPassword();
    const user: User = {
      id: newId(),
      mission: c.mission,
      name: body.name,
      display_name: body.displayName,
      org: org.code,
      role: org.kind,
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
    };
    await ctx.store.createUser(user); // a taken name is a StoreError conflict: 409
    const token = await issueToken(user, body.tokenLabel ?? `created by ${c.user.name}`);
    void reply.status(201).header('cache-control', 'no-store');
    return {
      user: view(user),
      token,
      ...(body.password === undefined ? { password } : {}),
    };
  });

  app.post<{ Params: { name: string } }>(
    '/api/v1/admin/users/:name/password',
    { bodyLimit: 16 * 1024 },
    async (request, reply) => {
      const what = 'reset the password';
      const c = await requireAdmin(request, what);
      const body = parseInput(PasswordBodySchema, request.body ?? {}, what);
      const u = await target(c, request.params.name, what);
      const password = body.password ?? newPassword();
      await auth.store.setPasswordHash(u.id, await hashPassword(password));
      // Whoever signed in with the old password is signed out.
      const ended = await admin.endSessions(u.id);
      void reply.header('cache-control', 'no-store');
      return {
        user: view(u),
        sessionsEnded: ended,
        ...(body.password === undefined ? { password } : {}),
      };
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/v1/admin/users/:name/tokens',
    { bodyLimit: 16 * 1024 },
    async (request, reply) => {
      const what = 'issue a token';
      const c = await requireAdmin(request, what);
      const body = parseInput(TokenBodySchema, request.body ?? {}, what);
      const u = await target(c, request.params.name, what);
      const token = await issueToken(u, body.label ?? `issued by ${c.user.name}`);
      void reply.status(201).header('cache-control', 'no-store');
      return { user: view(u), token };
    },
  );

  app.delete<{ Params: { name: string } }>('/api/v1/admin/users/:name/tokens', async (request) => {
    const what = 'revoke the tokens';
    const c = await requireAdmin(request, what);
    const u = await target(c, request.params.name, what);
    const revoked = await admin.revokeTokens(u.id);
    auth.forgetUser(u.id);
    return { user: view(u), revoked };
  });
}

const Json = (description: string, schema?: z.ZodType) => ({
  description,
  contentType: 'application/json',
  ...(schema ? { schema } : {}),
});
const ADMIN = ['admin'] as const;

export const USER_ADMIN_ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/v1/admin/users',
    tag: 'admin',
    summary: "Create a user in the admin's mission, with a password and a first API token",
    description:
      'The role is the kind of the organisation. The password is hashed with scrypt; when none is given a random one is generated and answered once, like the token. The signing key is registered separately by a signed `key` entry.',
    access: ADMIN,
    body: { contentType: 'application/json', schema: CreateUserBodySchema },
    responses: {
      201: Json('the user, its token and any generated password', CreatedUserSchema),
      400: Json('a malformed body, the field named'),
      409: Json('the name is taken'),
      422: Json('the organisation is not one of the mission'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users/:name/password',
    tag: 'admin',
    summary: "Set (or generate) a user's password and end its sign-in sessions",
    access: ADMIN,
    params: UserParams,
    body: { contentType: 'application/json', schema: PasswordBodySchema },
    responses: {
      200: Json('{user, sessionsEnded, password?}'),
      404: Json("no such user in the admin's mission"),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/users/:name/tokens',
    tag: 'admin',
    summary: 'Issue another API token for a user (shown once)',
    access: ADMIN,
    params: UserParams,
    body: { contentType: 'application/json', schema: TokenBodySchema },
    responses: {
      201: Json('{user, token}'),
      404: Json("no such user in the admin's mission"),
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/users/:name/tokens',
    tag: 'admin',
    summary: 'Revoke every API token of a user',
    access: ADMIN,
    params: UserParams,
    responses: {
      200: Json('{user, revoked}'),
      404: Json("no such user in the admin's mission"),
    },
  },
];
