import type { ErrorRequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { clientErrorOf, requestAborted } from './clientErrors.js';

/** An error as CONTRACT §2 writes it: `{"error": {"code", "message", "field"?}}`. */
function sendError(res: Response, e: AppError): void {
  if (e.retryAfterS !== undefined) res.setHeader('Retry-After', String(e.retryAfterS));
  res
    .status(e.status)
    .json({ error: { code: e.apiCode, message: e.message, ...(e.field ? { field: e.field } : {}) } });
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
 * The last handler: an AppError below 500 as it is; what the parsers could not read (body, encoding,
 * path escapes) as the 4xx naming the problem; an aborted upload a warning; anything else logged and
 * answered 500 without a stack trace.
 */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof AppError && err.status < 500) return sendError(res, err);
    if ((err instanceof AppError && err.status === 503) || storeUnreachable(err)) {
      logger.warn({ err, path: req.path }, 'unavailable');
      return sendError(
        res,
        AppError.api(
          503,
          'unavailable',
          'the service is busy or restarting; please try again shortly',
          undefined,
          5,
        ),
      );
    }
    const known = clientErrorOf(err, req);
    if (known) return sendError(res, known);
    if (requestAborted(err)) {
      logger.warn({ path: req.path, code: 'request-aborted' }, 'request aborted');
      return sendError(res, AppError.api(400, 'request-aborted', 'the body ended before its Content-Length'));
    }
    logger.error({ err, path: req.path }, 'request failed');
    sendError(res, AppError.api(500, 'internal', 'something went wrong on our side; please try again'));
  };
}
