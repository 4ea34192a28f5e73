import type { Router } from 'express';
import type { WechatConfig } from '../../config.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { Limiter } from '../../coordination/rateLimiter.js';
import type { HandoffRelay } from '../../handoff/handoffRelay.js';
import type { KnowledgeIndex } from '../../knowledge/knowledgeIndex.js';
import type { Logger } from '../../logger.js';
import type { Stores } from '../../storage/stores.js';
import { WechatCustomerService } from './customerService.js';
import { toWechatText } from './render.js';
import { wechatRouter } from './wechatRouter.js';
import { WechatTurns } from './wechatTurns.js';

export { wechatConversationId } from './wechatTurns.js';

/**
 * The customer-service API of each account that has an app secret, and a push function that sends
 * a text to a WeChat conversation through its own account (agents' replies, handoff notices).
 */
export function wechatOutbox(accounts: readonly WechatConfig[]) {
  const services = new Map<string, WechatCustomerService>();
  for (const a of accounts)
    if (a.appId && a.appSecret)
      services.set(
        a.name,
        new WechatCustomerService({ apiBase: a.apiBase, appId: a.appId, appSecret: a.appSecret }),
      );
  const push = async (conversationId: string, text: string): Promise<void> => {
    const at = conversationId.indexOf(':');
    const service = services.get(conversationId.slice(0, at));
    if (service) await service.sendText(conversationId.slice(at + 1), toWechatText(text));
  };
  return { services, push };
}

/**
 * One router per Official Account (`/wechat`, `/wechat/<name>`); turns go through the shared
 * runner. Menu buttons (CLICK events) carry `topic:<article id>` and ask that article's question.
 * @example for (const r of wechatRouters(config.wechat, deps)) app.use(r)
 */
export function wechatRouters(
  accounts: readonly WechatConfig[],
  deps: {
    runner: TurnRunner;
    stores: Stores;
    relay: HandoffRelay;
    services: Map<string, WechatCustomerService>;
    knowledge: KnowledgeIndex;
    logger: Logger;
    windowMs?: number;
    /** Plaintext signatures already used (see plaintextReplay.ts). */
    seen?: Limiter;
  },
): Router[] {
  const menu = Object.fromEntries(deps.knowledge.articles('zh-CN').map((a) => [`topic:${a.id}`, a.title]));
  return accounts.map((account) => {
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
    return wechatRouter(account, (message) => turns.handle(message), deps.logger, deps.seen);
  });
}
