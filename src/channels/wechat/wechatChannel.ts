import { Router } from 'express';
import type { WechatConfig } from '../../config.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { Bindings } from '../../coordination/bindings.js';
import type { HandoffRelay } from '../../handoff/handoffRelay.js';
import type { KnowledgeIndex } from '../../knowledge/knowledgeIndex.js';
import type { Logger } from '../../logger.js';
import type { Stores } from '../../storage/stores.js';
import type { Channel } from '../channel.js';
import type { WechatCustomerService } from './customerService.js';
import { toWechatText } from './render.js';
import { wechatRouter } from './wechatRouter.js';
import { WechatTurns } from './wechatTurns.js';

/**
 * Sends a text to a WeChat conversation (`<account>:<openId>`) through its own account's
 * customer-service API: agents' replies and handoff notices, which WeChat has no stream for.
 * @example const push = wechatPush(clients.wechat); await push('main:o-123', '您好')
 */
export function wechatPush(services: ReadonlyMap<string, WechatCustomerService>) {
  return async (conversationId: string, text: string): Promise<void> => {
    const at = conversationId.indexOf(':');
    const service = services.get(conversationId.slice(0, at));
    if (service) await service.sendText(conversationId.slice(at + 1), toWechatText(text));
  };
}

/**
 * WeChat Official Accounts: one route per account (`/wechat`, `/wechat/<name>`); turns go through
 * the shared runner. Menu buttons (CLICK events) carry `topic:<article id>` and ask that article's question.
 * @example app.use(wechatChannel(config.wechat, deps).router)
 */
export function wechatChannel(
  accounts: readonly WechatConfig[],
  deps: {
    runner: TurnRunner;
    stores: Stores;
    relay: HandoffRelay;
    services: ReadonlyMap<string, WechatCustomerService>;
    knowledge: KnowledgeIndex;
    logger: Logger;
    windowMs?: number;
    /** Plaintext signatures already used (see plaintextReplay.ts). */
    seen?: Bindings;
  },
): Channel {
  const menu = Object.fromEntries(deps.knowledge.articles('zh-CN').map((a) => [`topic:${a.id}`, a.title]));
  const router = Router();
  for (const account of accounts) {
    const turns = new WechatTurns({
      account: account.name,
      runner: deps.runner,
      conversations: deps.stores.conversations,
      storage: deps.stores.storage,
      relay: deps.relay,
      service: deps.services.get(account.name),
      handoff: account.handoff,
      menu,
      windowMs: deps.windowMs ?? 4500,
      logger: deps.logger,
    });
    router.use(wechatRouter(account, (message) => turns.handle(message), deps.logger, deps.seen));
  }
  return { name: 'wechat', router };
}
