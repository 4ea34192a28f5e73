import type { NextFunction, Request, Response } from 'express';
import type { ConversationRecord, ConversationStore } from '../conversation/conversationRecord.js';
import type { ConversationTokens } from '../conversation/conversationTokens.js';
import type { TokenRevocations } from '../coordination/tokenRevocations.js';
import { AppError } from '../errors.js';

const MESSAGES = {
  missing: 'an Authorization: Bearer <token> header is required',
  malformed: 'the token is malformed',
  'bad-signature': 'the token is not valid',
  expired: 'the token has expired; open a new conversation',
  revoked: 'the token was revoked; open a new conversation',
} as const;

/** The Bearer value of a request, if any. @example bearerOf(req) // 'eyJ…' for `Authorization: Bearer eyJ…` */
export function bearerOf(req: Request): string | undefined {
  return req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** The conversation the request's token opens, set by `requireToken`. */
export function conversationOf(res: Response): ConversationRecord {
  return res.locals.conversation as ConversationRecord;
}

/**
 * A token opens its own conversation only: 401 without a valid one, 403 for another
 * conversation's, 404 when the conversation does not exist. SSE may pass `?token=`.
 */
export function requireToken(
  tokens: ConversationTokens,
  conversations: ConversationStore,
  revocations: TokenRevocations,
  allowQuery = false,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const bearer = bearerOf(req);
    const fromQuery = allowQuery && typeof req.query.token === 'string' ? req.query.token : undefined;
    const check = tokens.check(bearer ?? fromQuery);
    if (!check.ok) return next(AppError.api(401, `token-${check.problem}`, MESSAGES[check.problem]));
    if (check.conversationId !== req.params.id)
      return next(AppError.api(403, 'forbidden', 'this token belongs to another conversation'));
    if (await revocations.revoked(check.conversationId, check.issuedAt))
      return next(AppError.api(401, 'token-revoked', MESSAGES.revoked));
    const conversation = await conversations.get(check.conversationId);
    if (!conversation) return next(AppError.api(404, 'not-found', 'no such conversation'));
    res.locals.conversation = conversation;
    res.locals.tokenIssuedAt = check.issuedAt;
    next();
  };
}
