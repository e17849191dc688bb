// Security headers on every response. The CSP allows only our own origin: the web app loads no
// third-party script, style, font or tile, and maplibre's worker is a same-origin file.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // maplibre-gl positions markers and controls with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export async function securityHeaders(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  return payload;
}
