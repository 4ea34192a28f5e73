import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import type { Limiter } from '../coordination/rateLimiter.js';
import { AppError } from '../errors.js';

/**
 * Parse a body with its schema; a bad field is a 400 that names it.
 * @example const body = parseBody(postMessageBody, req.body)
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field(s): ${issue.keys.join(', ')}`
      : `${field ?? 'body'}: ${issue?.message ?? 'invalid'}`;
  throw AppError.api(
    400,
    'invalid-request',
    message,
    field ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined),
  );
}

/** An async route whose rejection goes to the error handler. @example router.get('/x', wrap(async (req, res) => { … })) */
export const wrap =
  (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    fn(req, res).catch(next);

/** Take one from a limiter, or a 429 with Retry-After. @example await limited(limits.perIp, `ip:${req.ip}`) */
export async function limited(limiter: Limiter, key: string): Promise<void> {
  const r = await limiter.take(key);
  if (!r.ok)
    throw AppError.api(
      429,
      'rate-limited',
      'too many requests; please wait a moment',
      undefined,
      r.retryAfterS,
    );
}
