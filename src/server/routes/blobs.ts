// Evidence blobs (docs/architecture.md "Entries": larger evidence is stored as a blob and referenced by its
// SHA-256). POST /api/v1/blobs takes the raw bytes (Content-Type names the media type) from a
// signed-in user and answers {sha256, size, mediaType}; GET /api/v1/blobs/<sha256> gives the bytes
// back only to the uploading organisations, and to the mission's analysts, mediators and admins.
// The hash can sit in a public entry while the blob stays private.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app.js';
import { authFor, USER_ROLES, type Caller, type Role } from '../auth/caller.js';
import { DEFAULT_BLOB_MAX_BYTES } from '../config.js';
import { HttpError } from '../http-errors.js';
import type { BlobMeta } from '../../store/auth-store.js';

/** Roles that may upload: every signed-in role. */
export const BLOB_UPLOAD_ROLES: readonly Role[] = USER_ROLES;
/** Roles that may read every blob of their mission (others: only their organisation's uploads). */
export const BLOB_MISSION_READERS: readonly Role[] = ['analyst', 'mediator', 'admin'];
/** Media types served as themselves; anything else is served as application/octet-stream. */
const INERT_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/json',
  'audio/mpeg',
  'video/mp4',
]);
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export const BlobAnswerSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1),
  mediaType: z.string(),
  /** False when the caller's own organisation already stored the same bytes (never says whether another did). */
  created: z.boolean(),
});
export const Sha256ParamSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');

/** The media type of an upload: the Content-Type's essence (attacker-controlled), checked. */
function mediaTypeOf(header: string | undefined): string {
  if (header === undefined || header === '') return 'application/octet-stream';
  const essence = header.split(';')[0]!.trim().toLowerCase();
  if (!MEDIA_TYPE.test(essence))
    throw new HttpError(
      400,
      'schema',
      `couldn't store the blob: "${'content-type'}" is not a media type`,
      {
        issues: [{ path: 'content-type', message: 'not a media type' }],
      },
    );
  return essence;
}

export function mayReadBlob(c: Caller, meta: BlobMeta): boolean {
  if (!c.user) return false;
  if (BLOB_MISSION_READERS.includes(c.role))
    return meta.owners.some((o) => o.mission === c.mission);
  return meta.owners.some((o) => o.mission === c.mission && o.org === c.org);
}

export function registerBlobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const auth = authFor(ctx);
  const limit = ctx.config.blobMaxBytes ?? DEFAULT_BLOB_MAX_BYTES;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/v1/blobs',
    {
      bodyLimit: limit,
      // Refuse strangers before reading up to `limit` bytes of their body.
      onRequest: async (request) => {
        await auth.require(request, BLOB_UPLOAD_ROLES, 'store a blob');
      },
    },
    async (request, reply) => {
      const caller = await auth.require(request, BLOB_UPLOAD_ROLES, 'store a blob');
      const mediaType = mediaTypeOf(request.headers['content-type']);
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0)
        throw new HttpError(400, 'schema', "couldn't store the blob: the body is empty", {
          issues: [{ path: 'body', message: 'empty' }],
        });
      const sha256 = createHash('sha256').update(body).digest('hex');
      // Whether other organisations hold these bytes is theirs to know, not the uploader's (an
      // oracle: "does anyone have this photo?"); the answer only reflects the caller's own org.
      const before = await auth.store.blobMeta(sha256);
      const ownedBefore = before?.owners.some(
        (o) => o.mission === caller.mission && o.org === caller.org,
      );
      await auth.store.putBlob({
        sha256,
        mediaType,
        bytes: new Uint8Array(body.buffer, body.byteOffset, body.length),
        mission: caller.mission,
        org: caller.org,
        userId: caller.user.id,
        createdAt: new Date().toISOString(),
      });
      const created = ownedBefore !== true;
      return reply.status(created ? 201 : 200).send({
        sha256,
        size: body.length,
        mediaType: created ? mediaType : before!.mediaType,
        created,
      });
    },
  );

  app.get<{ Params: { sha256: string } }>('/api/v1/blobs/:sha256', async (request, reply) => {
    const caller = await auth.require(request, undefined, 'read a blob');
    const sha256 = request.params.sha256;
    if (!Sha256ParamSchema.safeParse(sha256).success)
      throw new HttpError(
        400,
        'schema',
        `couldn't read the blob: "sha256" is not a lower-case hex SHA-256`,
        {
          issues: [{ path: 'sha256', message: 'not a lower-case hex SHA-256' }],
        },
      );
    const meta = await auth.store.blobMeta(sha256);
    if (!meta) throw new HttpError(404, 'not_found', `couldn't find blob ${sha256}`);
    if (!mayReadBlob(caller, meta))
      throw new HttpError(
        403,
        'forbidden',
        `couldn't read blob ${sha256}: only its uploaders' organisation, analysts and mediators may`,
      );
    const bytes = await auth.store.blobBytes(sha256);
    if (!bytes) throw new HttpError(404, 'not_found', `couldn't find blob ${sha256}`);
    // Uploaded bytes are never rendered by the browser as a page: attachment, inert types only.
    void reply
      .header(
        'content-type',
        INERT_TYPES.has(meta.mediaType) ? meta.mediaType : 'application/octet-stream',
      )
      .header('content-disposition', `attachment; filename="${sha256}"`)
      .header('cache-control', 'private, no-store')
      .header('x-blob-sha256', sha256)
      .header('x-blob-media-type', meta.mediaType);
    return reply.send(Buffer.from(bytes));
  });
}
