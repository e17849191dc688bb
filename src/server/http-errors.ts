// The one place where errors become HTTP responses: {error: {code, message, details}} (docs/architecture.md).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CoreError } from '../core/errors.js';
import { StoreError } from '../store/errors.js';
import { LogError } from '../log/errors.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const CORE_STATUS: Record<CoreError['code'], number> = {
  invalid_json: 400,
  not_canonical: 400,
  schema: 400,
  too_large: 413,
  bad_signature: 422,
  bad_key: 422,
};

const STORE_STATUS: Record<StoreError['code'], number> = {
  conflict: 409,
  not_found: 404,
  invalid: 400,
  unavailable: 503,
};

const LOG_STATUS: Record<LogError['code'], number> = {
  overloaded: 503,
  unavailable: 503,
  unknown_key: 422,
  revoked_key: 403,
  duplicate: 409,
  wrong_mission: 400,
  not_found: 404,
};

export function toHttp(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof LogError)
    return new HttpError(LOG_STATUS[err.code], err.code, err.message, err.details);
  if (err instanceof CoreError)
    return new HttpError(CORE_STATUS[err.code], err.code, err.message, err.details);
  if (err instanceof StoreError)
    return new HttpError(STORE_STATUS[err.code], err.code, err.message);
  const fe = err as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new HttpError(
      fe.statusCode,
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'too_large'
        : (fe.code ?? 'bad_request').toLowerCase(),
      fe.message ?? 'bad request',
    );
  }
  return new HttpError(500, 'internal', 'internal error');
}

export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const http = toHttp(err);
  if (http.status >= 500) request.log.error({ err }, 'request failed');
  if (http.status === 503) void reply.header('retry-after', '1');
  void reply
    .status(http.status)
    .send({ error: { code: http.code, message: http.message, details: http.details } });
}
