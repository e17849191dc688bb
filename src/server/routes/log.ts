// The C2SP log endpoints (c2sp.org/tlog-tiles) under /log/<slug>/: checkpoint, hash tiles, entry
// bundles, and the mission's tlog-policy; plus GET /api/v1/missions/<slug>/log (status: size,
// published checkpoint, cosigners, witness shortfall).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isTlogError } from '../../tlog/errors.js';
import { TILE_WIDTH, parseTilePath } from '../../tlog/tiles.js';
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';

/** c2sp.org/tlog-tiles: full tiles never change; the checkpoint and partial tiles do. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_LIVED = 'public, max-age=1, must-revalidate';

export function missionLog(ctx: AppContext, slug: string): MissionLog {
  const log = ctx.logs?.get(slug);
  if (!log) throw new HttpError(404, 'not_found', `couldn't find a log for mission ${slug}`);
  return log;
}

function sendText(reply: FastifyReply, body: string | Uint8Array, type: string, cache: string) {
  void reply.header('content-type', type).header('cache-control', cache);
  return reply.send(typeof body === 'string' ? body : Buffer.from(body));
}

export function registerLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string } }>('/log/:slug/checkpoint', async (request, reply) => {
    const cp = missionLog(ctx, request.params.slug).sequencer.latest();
    if (!cp)
      throw new HttpError(404, 'not_found', `couldn't find a checkpoint: none published yet`);
    return sendText(reply, cp.note, 'text/plain; charset=utf-8', 'no-cache');
  });

  app.get<{ Params: { slug: string } }>('/log/:slug/policy', async (request, reply) =>
    sendText(
      reply,
      missionLog(ctx, request.params.slug).policy(ctx.publicUrl),
      'text/plain; charset=utf-8',
      SHORT_LIVED,
    ),
  );

  app.get<{ Params: { slug: string; '*': string } }>(
    '/log/:slug/tile/*',
    async (request, reply) => {
      const log = missionLog(ctx, request.params.slug);
      let tile;
      try {
        tile = parseTilePath(`tile/${request.params['*']}`);
      } catch (err) {
        if (isTlogError(err)) throw new HttpError(404, 'not_found', err.message);
        throw err;
      }
      const cache = tile.width === TILE_WIDTH ? IMMUTABLE : SHORT_LIVED;
      const size = log.sequencer.size;
      // Only tiles of the integrated tree are served (a full tile exists once 256 hashes do).
      const available = Math.floor(
        size / TILE_WIDTH ** (tile.level === 'entries' ? 0 : tile.level),
      );
      if (tile.index * TILE_WIDTH + tile.width > available)
        throw new HttpError(
          404,
          'not_found',
          `couldn't find tile ${request.params['*']}: the tree is not that large`,
        );
      const bytes =
        tile.level === 'entries'
          ? await log.sequencer.reader.entryBundle(tile.index, tile.width)
          : await log.sequencer.reader.readTile(tile.level, tile.index, tile.width);
      if (!bytes)
        throw new HttpError(404, 'not_found', `couldn't find tile ${request.params['*']}`);
      return sendText(reply, bytes, 'application/octet-stream', cache);
    },
  );

  app.get<{ Params: { slug: string } }>('/api/v1/missions/:slug/log', async (request) => {
    const log = missionLog(ctx, request.params.slug);
    return { ...log.sequencer.status(), prefix: `/log/${log.slug}/` };
  });
}
