import type { ErrorRequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** An API error as CONTRACT §2 writes it: `{"error": {"code", "message", "field"?}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

function sendError(res: Response, e: ApiError): void {
  if (e.retryAfterS !== undefined) res.setHeader('Retry-After', String(e.retryAfterS));
  res
    .status(e.status)
    .json({ error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } });
}

/** The shared store (Redis) is away: the request may be retried once it is back. */
function storeUnreachable(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    /Stream isn't writeable|Connection is closed|ECONNREFUSED|ETIMEDOUT/.test(e?.message ?? '')
  );
}

/**
 * The last handler: API errors as they are; body-parser's as 400/413 naming the problem; anything
 * else logged and answered 500 without a stack trace.
 */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof ApiError) return sendError(res, err);
    if (err instanceof AppError && err.status < 500)
      return sendError(res, new ApiError(err.status, err.kind.replace('_', '-'), err.message, err.field));
    if ((err instanceof AppError && err.status === 503) || storeUnreachable(err)) {
      logger.warn({ err, path: req.path }, 'unavailable');
      return sendError(
        res,
        new ApiError(
          503,
          'unavailable',
          'the service is busy or restarting; please try again shortly',
          undefined,
          5,
        ),
      );
    }
    const e = err as { type?: string; status?: number; message?: string; limit?: number };
    if (e.type === 'entity.too.large')
      return sendError(
        res,
        new ApiError(413, 'payload-too-large', `the body is larger than ${e.limit} bytes`),
      );
    if (e.type === 'entity.parse.failed')
      return sendError(
        res,
        new ApiError(400, 'malformed-json', `the body is not valid JSON: ${e.message ?? ''}`.trim()),
      );
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
      return sendError(res, new ApiError(415, 'unsupported-encoding', e.message ?? 'unsupported encoding'));
    logger.error({ err, path: req.path }, 'request failed');
    sendError(res, new ApiError(500, 'internal', 'something went wrong on our side; please try again'));
  };
}
