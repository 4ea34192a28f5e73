import type { Storage } from 'botbuilder';
import type { ConversationRecord, ConversationStore } from '../../conversation/conversationRecord.js';
import type { StoredMessage } from '../../conversation/transcript.js';
import type { TurnRunner } from '../../conversation/turnRunner.js';
import type { HandoffRelay } from '../../handoff/handoffRelay.js';
import { detectLocale, type Locale } from '../../knowledge/locale.js';
import type { Logger } from '../../logger.js';
import type { WechatCustomerService } from './customerService.js';
import { dedupeKey, type WechatInbound } from './inbound.js';
import { isMoreRequest, paginate, pickOption, toWechatText, wechatPages } from './render.js';
import type { WechatAnswer } from './wechatRouter.js';
import { wechatWords } from './wechatWords.js';

/** What a follower may answer next: numbered options, and the rest of a long answer. */
type FollowerState = { options: string[]; pages: string[]; locale: Locale; eTag?: string };

export type WechatTurnsDeps = {
  /** The Official Account's name: conversation ids are `<account>:<openid>`. */
  account: string;
  runner: TurnRunner;
  conversations: ConversationStore;
  storage: Storage;
  relay: HandoffRelay;
  /** The customer-service message API, when an app secret is configured. */
  service: WechatCustomerService | undefined;
  handoff: 'console' | 'wechat-kf';
  /** Menu keys (CLICK events) and the question each one asks. */
  menu: Record<string, string>;
  /** How long a turn may take before the reply goes through the customer-service API instead. */
  windowMs: number;
  logger: Logger;
};

const TIMEOUT = Symbol('timeout');

/** A WeChat conversation's id: `<account>:<openid>` (an OpenID is unique within one account). */
function wechatConversationId(account: string, openId: string): string {
  return `${account}:${openId}`;
}

/**
 * One WeChat message → one answer: a turn through the same pipeline as every channel, rendered as
 * WeChat text (numbered options, pages for long answers); retries of a message answered from the
 * transcript; a turn slower than the window answered `success` and delivered later.
 */
export class WechatTurns {
  constructor(private readonly deps: WechatTurnsDeps) {}

  async handle(msg: WechatInbound): Promise<WechatAnswer> {
    const openId = msg.FromUserName;
    const id = wechatConversationId(this.deps.account, openId);
    switch (msg.kind) {
      case 'unsubscribe':
      case 'kf_switch_session':
        return { kind: 'success' };
      case 'kf_create_session':
      case 'kf_close_session':
        await this.deps.relay
          .fromHub('wechat', id, msg.kind === 'kf_create_session' ? 'accepted' : 'completed', {
            agent: msg.KfAccount,
          })
          .catch((err) => this.deps.logger.warn({ err: String(err) }, 'wechat kf event for no open handoff'));
        return { kind: 'success' };
      case 'subscribe':
        return this.welcome(openId, dedupeKey(msg));
      case 'click':
        return this.turn(openId, this.deps.menu[msg.EventKey] ?? msg.EventKey, dedupeKey(msg));
      case 'voice':
        if (msg.Recognition) return this.turn(openId, msg.Recognition, dedupeKey(msg));
        return { kind: 'text', content: wechatWords[await this.locale(openId)].typePlease };
      case 'text':
        return this.text(openId, msg.Content.trim(), dedupeKey(msg));
      default:
        return { kind: 'text', content: wechatWords[await this.locale(openId)].textOnly };
    }
  }

  private async text(openId: string, text: string, key: string): Promise<WechatAnswer> {
    const state = await this.state(openId);
    if (isMoreRequest(text) && state?.pages.length) {
      const [page = '', ...rest] = state.pages;
      await this.save(openId, { ...state, pages: rest });
      return { kind: 'text', content: page };
    }
    return this.turn(openId, pickOption(text, state?.options ?? []) ?? text, key);
  }

  private async welcome(openId: string, key: string): Promise<WechatAnswer> {
    const conversation = await this.conversation(openId, 'zh-CN');
    const seen = await this.deps.storage.read([`wechat/seen/${this.deps.account}/${key}`]);
    if (seen[`wechat/seen/${this.deps.account}/${key}`]) return { kind: 'success' };
    await this.deps.storage.write({
      [`wechat/seen/${this.deps.account}/${key}`]: { at: new Date().toISOString() },
    });
    return this.render(openId, await this.deps.runner.welcome(conversation), conversation.locale);
  }

  private async turn(openId: string, text: string, key: string): Promise<WechatAnswer> {
    const lateKey = `wechat/late/${this.deps.account}/${key}`;
    // A retry of a message already answered `success`: its reply is on its way.
    if ((await this.deps.storage.read([lateKey]))[lateKey]) return { kind: 'success' };
    const locale = detectLocale(text);
    const conversation = await this.conversation(openId, locale);
    const work = this.deps.runner.say(conversation, text, key);
    // A window of 0 answers every message `success` and delivers through the customer-service API.
    const first =
      this.deps.windowMs <= 0
        ? TIMEOUT
        : await Promise.race([
            work,
            new Promise<typeof TIMEOUT>((r) => setTimeout(() => r(TIMEOUT), this.deps.windowMs)),
          ]);
    if (first === TIMEOUT) {
      // WeChat gives up after 5 s and retries; answer now, deliver when the turn is done.
      await this.deps.storage.write({ [lateKey]: { at: new Date().toISOString() } });
      void work
        .then((messages) => this.deliver(openId, messages))
        .catch((err) => this.deps.logger.error({ err }, 'wechat late reply failed'));
      return { kind: 'success' };
    }
    // An agent holds the conversation: the bot says nothing, the agent answers.
    if (!first.length) return { kind: 'success' };
    if (this.deps.handoff === 'wechat-kf' && first.some((m) => m.handoff)) {
      await this.deliver(openId, first);
      return { kind: 'transfer' };
    }
    return this.render(openId, first, locale);
  }

  /** Renders the bot's messages: the first page now, the rest on "0", options answered by number. */
  private async render(openId: string, messages: StoredMessage[], locale: Locale): Promise<WechatAnswer> {
    const actions = messages.at(-1)?.suggestedActions ?? [];
    const [first = '', ...rest] = wechatPages(messages.map((m) => m.text).join('\n\n'), {
      options: actions.map((a) => a.title),
      locale,
    });
    await this.save(openId, { options: actions.map((a) => a.value), pages: rest, locale });
    return { kind: 'text', content: first };
  }

  /** Sends messages through the customer-service API, page by page. */
  private async deliver(openId: string, messages: StoredMessage[]): Promise<void> {
    if (!this.deps.service) {
      this.deps.logger.warn('a WeChat reply could not be delivered: WECHAT_APP_SECRET is not set');
      return;
    }
    for (const page of paginate(toWechatText(messages.map((m) => m.text).join('\n\n'))))
      await this.deps.service.sendText(openId, page);
  }

  private async conversation(openId: string, locale: Locale): Promise<ConversationRecord> {
    const id = wechatConversationId(this.deps.account, openId);
    const found = await this.deps.conversations.get(id);
    if (found) return found;
    const now = new Date();
    const record: ConversationRecord = {
      id,
      channel: 'wechat',
      locale,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    };
    await this.deps.conversations.create(record).catch(() => undefined); // a concurrent retry created it
    return (await this.deps.conversations.get(id)) ?? record;
  }

  private async locale(openId: string): Promise<Locale> {
    return (await this.state(openId))?.locale ?? 'zh-CN';
  }

  private async state(openId: string): Promise<FollowerState | undefined> {
    const key = `wechat/state/${wechatConversationId(this.deps.account, openId)}`;
    return (await this.deps.storage.read([key]))[key] as FollowerState | undefined;
  }

  private async save(openId: string, state: FollowerState): Promise<void> {
    const key = `wechat/state/${wechatConversationId(this.deps.account, openId)}`;
    await this.deps.storage.write({ [key]: { ...state, eTag: '*' } });
  }
}
