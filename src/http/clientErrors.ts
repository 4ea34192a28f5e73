import type { Request } from 'express';
import { AppError } from '../errors.js';

/** What body-parser, raw-body, zlib and the router attach to the errors they pass on. */
type ParserError = {
  type?: string;
  status?: number;
  errno?: unknown;
  code?: unknown;
  limit?: number;
  message?: string;
};

/** A body that Content-Encoding says is compressed and zlib could not inflate (body-parser passes zlib's error on as a 400). */
function undecompressable(err: ParserError, req: Request): string | undefined {
  const encoding = req.get('content-encoding')?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return undefined;
  return err.status === 400 && typeof err.errno === 'number' && typeof err.code === 'string'
    ? encoding
    : undefined;
}

/**
 * The request the parsers could not read, as the 4xx it is: a body too large, not JSON, in an
 * unknown charset or encoding, or not the compressed data its Content-Encoding names; a path with a
 * bad `%` escape (the router's URIError). Undefined for anything else.
 * @example const known = clientErrorOf(err, req); if (known) return send(known)
 */
export function clientErrorOf(err: unknown, req: Request): AppError | undefined {
  const e = (err ?? {}) as ParserError;
  if (e.type === 'entity.too.large')
    return AppError.api(413, 'payload-too-large', `the body is larger than ${e.limit} bytes`);
  if (e.type === 'entity.parse.failed')
    return AppError.api(400, 'malformed-json', `the body is not valid JSON: ${e.message ?? ''}`.trim());
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return AppError.api(415, 'unsupported-encoding', e.message ?? 'unsupported encoding');
  const encoding = undecompressable(e, req);
  if (encoding)
    return AppError.api(
      400,
      'malformed-body',
      `the body is not valid ${encoding} data, though its Content-Encoding says it is`,
    );
  if (err instanceof URIError && e.status === 400)
    return AppError.api(
      400,
      'malformed-path',
      'the path has a bad % escape (a % must start a valid %XX byte)',
    );
  return undefined;
}

/** The client went away before its body arrived: nothing to answer, and nothing wrong on our side. */
export function requestAborted(err: unknown): boolean {
  return (err as ParserError | undefined)?.type === 'request.aborted';
}
