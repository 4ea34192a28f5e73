import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { HandoffRelay } from './handoffRelay.js';
import { verify } from './webhook.js';

/** A Bot Framework `handoff.status` event from the contact centre. */
const statusEvent = z.object({
  type: z.literal('event'),
  name: z.literal('handoff.status'),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  value: z.object({
    state: z.enum(['accepted', 'completed', 'failed']),
    message: z.string().max(500).optional(),
    agentName: z.string().max(80).optional(),
  }),
});

/**
 * `POST /api/v1/handoff/status`: a bank's own contact centre reports that it accepted, completed or
 * could not take a conversation. Signed like the webhook (HMAC-SHA256 of `<timestamp>.<body>`).
 */
export function hubStatusRouter(secret: string, relay: HandoffRelay): Router {
  const router = Router();
  router.post(
    '/api/v1/handoff/status',
    express.raw({ type: 'application/json', limit: '32kb' }),
    (req: Request, res: Response, next: NextFunction) => {
      const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      if (!verify(secret, req.get('x-anxin-timestamp'), body, req.get('x-anxin-signature')))
        return next(
          AppError.api(
            401,
            'bad-signature',
            'the request is not signed with the shared secret, or is too old',
          ),
        );
      let event: z.infer<typeof statusEvent>;
      try {
        const parsed = statusEvent.safeParse(JSON.parse(body));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return next(
            AppError.api(
              400,
              'invalid-request',
              `${issue?.path.join('.') || 'body'}: ${issue?.message}`,
              issue?.path.join('.'),
            ),
          );
        }
        event = parsed.data;
      } catch {
        return next(AppError.api(400, 'malformed-json', 'the body is not valid JSON'));
      }
      const detail = {
        ...(event.value.agentName ? { agent: event.value.agentName } : {}),
        ...(event.value.message ? { message: event.value.message } : {}),
      };
      relay
        .fromHub(event.channelId, event.conversation.id, event.value.state, detail)
        .then(async (entry) => {
          res.json({ handoff: await relay.view(entry.channel, entry.conversationId) });
        })
        .catch(next);
    },
  );
  return router;
}
