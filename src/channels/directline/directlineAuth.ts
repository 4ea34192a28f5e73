import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ConversationStore } from '../../conversation/conversationRecord.js';
import type { ConversationTokens } from '../../conversation/conversationTokens.js';
import type { TokenRevocations } from '../../coordination/tokenRevocations.js';
import { AppError } from '../../errors.js';
import { bearerOf, requireToken } from '../../http/requireToken.js';

/** Whether a value is the Direct Line secret (compared in constant time). @example isSecret(secret, bearerOf(req)) */
export function isSecret(secret: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Direct Line says 403 for a token it refuses (DirectLineJS then reports an expired token). */
function asForbidden(err: unknown): unknown {
  if (err instanceof AppError && err.status === 401 && err.apiCode !== 'token-missing')
    return AppError.api(403, err.apiCode, err.message);
  return err;
}

/**
 * A conversation route of Direct Line: the secret (the bank's server) opens any Direct Line
 * conversation; a token opens its own only (401 without one, 403 for a bad, expired, revoked or
 * another conversation's token). A conversation of another channel is not found here.
 * @example router.get('/conversations/:id', requireConversation(secret, tokens, conversations, revocations), …)
 */
export function requireConversation(
  secret: string,
  tokens: ConversationTokens,
  conversations: ConversationStore,
  revocations: TokenRevocations,
) {
  const byToken = requireToken(tokens, conversations, revocations);
  const directLineOnly = (res: Response, next: NextFunction) => {
    const c = res.locals.conversation as { channel?: string } | undefined;
    if (c?.channel !== 'directline') return next(AppError.api(404, 'not-found', 'no such conversation'));
    next();
  };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!isSecret(secret, bearerOf(req)))
      return byToken(req, res, (err?: unknown) => (err ? next(asForbidden(err)) : directLineOnly(res, next)));
    try {
      res.locals.conversation = await conversations.get(String(req.params.id));
    } catch (err) {
      return next(err);
    }
    directLineOnly(res, next);
  };
}
