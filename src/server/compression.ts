// Compressed API answers (issue 10 item 2): JSON (and the CSV exports) in brotli or gzip, as the
// request's Accept-Encoding allows, through @fastify/compress.
//  - Only JSON and CSV: hashed web assets are compressed at build time (scripts/compress-web.mjs,
//    served as stored); tiles and bundles are bytes that do not shrink; the entry stream (SSE) is
//    hijacked and never passes onSend, and its type is not in the list either.
//  - ETags stay as they are: they are weak (http-cache/plugin.ts), and a weak validator may be
//    shared by representations that differ only in content coding (RFC 9110 §8.8.1), so a 304
//    still answers a client holding either encoding.
//  - Every answer of such a route says `Vary: Accept-Encoding`, the 304s and the answers too small
//    to compress included, so a shared cache never hands a brotli body to a client that cannot
//    read it, nor keeps one encoding for all.
// Register after registerHttpCache and before the routes: both add their onSend hooks per route
// (onRoute), and compression must come after the cache's (which keeps the public's bodies
// uncompressed and decides the 304).
import compress from '@fastify/compress';
import { constants } from 'node:zlib';
import type { FastifyInstance, FastifyReply, onSendAsyncHookHandler } from 'fastify';

/** The types compressed: JSON (problem+json, geo+json…) and CSV. */
export const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/csv)\b/i;
/** Smaller bodies are sent as they are (a frame of compression costs more than it saves). */
export const THRESHOLD = 1024;

function addVary(reply: FastifyReply, name: string): void {
  const had = reply.getHeader('vary');
  const list = (Array.isArray(had) ? had.join(',') : String(had ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.includes('*') || list.some((s) => s.toLowerCase() === name.toLowerCase())) return;
  void reply.header('vary', [...list, name].join(', '));
}

const varyOnEncoding: onSendAsyncHookHandler<unknown> = async (_request, reply, payload) => {
  const type = reply.getHeader('content-type');
  // A 304 has no type left (http-cache removes it); it varies as the 200 it stands for.
  if (type === undefined ? reply.statusCode === 304 : COMPRESSIBLE.test(String(type)))
    addVary(reply, 'Accept-Encoding');
  return payload;
};

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: THRESHOLD,
    customTypes: COMPRESSIBLE,
    // Quality 4: most of brotli's gain at a fraction of its CPU (the server has few cores).
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  app.addHook('onRoute', (route) => {
    route.onSend = [...(route.onSend === undefined ? [] : [route.onSend].flat()), varyOnEncoding];
  });
}
