import type { Router } from 'express';
import type { Config } from '../../config.js';
import type { HandoffRelay } from '../../handoff/handoffRelay.js';
import type { KnowledgeIndex } from '../../knowledge/knowledgeIndex.js';
import type { Logger } from '../../logger.js';
import type { Stores } from '../../storage/ports.js';
import type { TurnRunner } from '../web/turnRunner.js';
import type { WechatCustomerService } from './customerService.js';
import { wechatRouter } from './wechatRouter.js';
import { WechatTurns } from './wechatTurns.js';

/**
 * `/wechat`, when the Official Account is configured: turns through the shared runner; menu
 * buttons (CLICK events) carry `topic:<article id>` and ask that article's question.
 * @example const router = wechatChannel(config, { runner, stores, relay, service, knowledge, logger })
 */
export function wechatChannel(
  config: Config,
  deps: {
    runner: TurnRunner;
    stores: Stores;
    relay: HandoffRelay;
    service: WechatCustomerService | undefined;
    knowledge: KnowledgeIndex;
    logger: Logger;
    windowMs?: number;
  },
): Router | undefined {
  if (!config.wechat) return undefined;
  const turns = new WechatTurns({
    runner: deps.runner,
    conversations: deps.stores.conversations,
    storage: deps.stores.storage,
    relay: deps.relay,
    service: deps.service,
    handoff: config.wechat.handoff,
    menu: Object.fromEntries(deps.knowledge.articles('zh-CN').map((a) => [`topic:${a.id}`, a.title])),
    windowMs: deps.windowMs ?? 4500,
    logger: deps.logger,
  });
  return wechatRouter(config.wechat, (message) => turns.handle(message), deps.logger);
}
