import type { CloudAdapter } from 'botbuilder';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Channel } from '../channel.js';
import { type BotFrameworkTurnDeps, botFrameworkTurn } from './botFrameworkTurn.js';

export type BotFrameworkDeps = BotFrameworkTurnDeps & {
  /** The composition root's CloudAdapter (JWT-validated with an app id, anonymous without). */
  adapter: CloudAdapter;
  /** No MICROSOFT_APP_ID: only a local Emulator is answered. */
  anonymous: boolean;
};

/**
 * `POST /api/messages` for Bot Framework channels (Azure Bot Service, the Emulator) through
 * CloudAdapter.
 * @example const bf = botFrameworkChannel({ adapter, anonymous: !config.microsoft.appId, bot, runner, locks, conversations, own: stores.conversations, logger })
 */
export function botFrameworkChannel(deps: BotFrameworkDeps): Channel {
  const { adapter, logger } = deps;
  adapter.onTurnError = async (context, err) => {
    logger.error({ err, channel: context.activity.channelId }, 'bot framework turn failed');
    // An apology only when the customer got nothing: after an answer it would invite a resend.
    if (!context.responded)
      await context.sendActivity(
        '抱歉，刚才出了点问题，请稍后再试。Sorry, something went wrong; please try again.',
      );
  };
  if (deps.anonymous)
    logger.warn('MICROSOFT_APP_ID is not set: /api/messages accepts anonymous requests (local use only)');
  const turn = botFrameworkTurn(deps);
  const router = Router().post(
    '/api/messages',
    express.json({ limit: '256kb' }),
    checkActivity(deps.anonymous),
    async (req: Request, res: Response) => {
      await adapter.process(req, res, turn);
    },
  );
  return { name: 'botframework', router };
}

const activityShape = z.object({
  type: z.string().min(1).max(50),
  id: z.string().max(200).optional(),
  text: z.string().max(2000, 'must be at most 2000 characters').optional(),
  serviceUrl: z.string().url(),
  conversation: z.object({ id: z.string().min(1).max(200) }),
  channelId: z.string().min(1).max(50),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const RESERVED = new Set(['web', 'app', 'wechat']);

/**
 * A clear 400 for what is not an activity; Anxin's own channel ids refused; and, without an app id,
 * only a local Emulator (a caller on this machine, replies to localhost) is answered, so no remote
 * caller can run turns or make the bot post to a URL it names.
 */
function checkActivity(anonymous: boolean) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const r = activityShape.safeParse(req.body);
    if (!r.success) {
      const issue = r.error.issues[0];
      next(
        AppError.api(
          400,
          'invalid-activity',
          `not a Bot Framework activity: ${issue?.path.join('.') || 'body'}: ${issue?.message}`,
          issue?.path.join('.'),
        ),
      );
      return;
    }
    // web, app and wechat are Anxin's own channels: no Bot Framework caller may act in their conversations.
    if (RESERVED.has(r.data.channelId.toLowerCase())) {
      next(
        AppError.api(
          403,
          'reserved-channel',
          `channelId "${r.data.channelId}" belongs to Anxin's own channels`,
        ),
      );
      return;
    }
    // A request relayed by a proxy on this machine is not local, whatever its socket says.
    const local =
      LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '') &&
      !req.get('x-forwarded-for') &&
      !req.get('forwarded');
    if (anonymous && (!LOOPBACK.has(new URL(r.data.serviceUrl).hostname) || !local)) {
      next(
        AppError.api(
          403,
          'service-url-not-allowed',
          'without MICROSOFT_APP_ID only a local Emulator (on this machine) may call this endpoint',
        ),
      );
      return;
    }
    next();
  };
}
