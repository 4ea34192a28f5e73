import type { RequestHandler } from 'express';
import { type Logger, logPath } from '../logger.js';

/**
 * One JSON log line per request: method, path (never the query, which may carry a token; long
 * digit runs starred), status and time. Server errors at `error`, client errors at `warn`, the rest at `debug`.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const line = {
        method: req.method,
        path: logPath(req.path),
        status: res.statusCode,
        ms: Number((performance.now() - started).toFixed(1)),
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else if (res.statusCode >= 400) logger.warn(line, 'request');
      else logger.debug(line, 'request');
    });
    next();
  };
}
