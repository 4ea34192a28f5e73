import { randomUUID } from 'node:crypto';
import type { AgentAccounts } from '../agents/ports.js';
import { maskPii } from '../bot/pii.js';
import { botMessages, toApiMessage } from '../conversation/messageView.js';
import type { HandoffView, StoredMessage, TranscriptStore } from '../conversation/transcript.js';
import { NOTHING_SHOWN, type TurnResult } from '../conversation/turnResult.js';
import type { EventBus } from '../coordination/eventBus.js';
import type { TurnLock } from '../coordination/keyedLock.js';
import type { Logger } from '../logger.js';
import { customerFacingName, noticeName } from './agentName.js';
import { caseKey } from './caseKey.js';
import type { HandoffQueue, QueueEntry } from './handoffQueue.js';
import type { HandoffWebhook } from './webhook.js';

/** Sends a text to a customer on a channel without a live stream. */
export type Push = (conversationId: string, text: string) => Promise<void>;

/** The bot's side of a channel: it hears a handoff status and answers with what it stored to send. */
export type BotSide = {
  handoffStatus(conversationId: string, value: { state: string; agentName?: string }): Promise<TurnResult>;
};
/** Which conversation a customer's message or event belongs to. */
type TurnConversation = { id: string; channel: string };

/** A conversation on a channel that is not Anxin's own: its bot side and how to reach the customer. */
export type OtherChannel = BotSide & { push: Push };

/** Channels other than Anxin's own (Bot Framework ones), found per conversation. */
export interface OtherChannels {
  find(channel: string, conversationId: string): Promise<OtherChannel | undefined>;
}

/** The bus topic agents' consoles listen on. */
export const AGENTS_TOPIC = 'agents';

/**
 * Moves a conversation between the bot and an agent: claims and releases through the queue, tells
 * the bot (a `handoff.status` event, so it falls silent or speaks again and tells the customer in
 * their language), stores agent and system messages, and publishes every change to the customer's
 * stream and the agents' consoles.
 */
/** What the relay works with; everything but the queue, transcripts, bus and bot sides is optional. */
export type RelayDeps = {
  queue: HandoffQueue;
  transcripts: TranscriptStore;
  bus: EventBus;
  /** Anxin's own channels' bot sides, by channel id. */
  channels: Record<string, BotSide>;
  /** The outgoing step for an agent's words: personal data and contacts outside the directory masked. */
  screen: (text: string) => string;
  webhook?: HandoffWebhook | undefined;
  /** Channels that cannot hold a stream (WeChat) get agent and system messages pushed. */
  push?: Partial<Record<string, Push>>;
  /** The turns' per-conversation lock: a status change must not interleave with a turn. */
  locks?: TurnLock;
  logger?: Logger;
  /** Bot Framework conversations: the bot answers them, and agents reach them, through their channel. */
  others?: OtherChannels;
  /** Console agents' accounts: the customer is told their display name, never their login. */
  accounts?: Pick<AgentAccounts, 'get'>;
};

export class HandoffRelay {
  constructor(private readonly deps: RelayDeps) {}

  /** The channel serving a case: Anxin's own, or a Bot Framework one that knows the conversation. */
  /** `sendsItself`: the channel's bot delivers its own notices (they are only kept, not pushed). */
  private async sides(entry: QueueEntry): Promise<{ bot?: BotSide; push?: Push; sendsItself?: boolean }> {
    const other = await this.deps.others?.find(entry.channel, entry.conversationId).catch((err) => {
      this.deps.logger?.warn({ err: String(err), channel: entry.channel }, 'could not look up the channel');
      return undefined;
    });
    if (other) {
      // The bot answers on the customer's own channel; a channel that is down is logged, not fatal.
      const handoffStatus: BotSide['handoffStatus'] = (id, value) =>
        other.handoffStatus(id, value).catch((err) => {
          this.deps.logger?.warn({ err: String(err), channel: entry.channel }, 'could not reach the channel');
          return NOTHING_SHOWN;
        });
      return { bot: { handoffStatus }, push: other.push, sendsItself: true };
    }
    return { bot: this.deps.channels[entry.channel], push: this.deps.push?.[entry.channel] };
  }

  /** What the customer sees of their handoff: state, place in the queue, the agent's name. */
  async view(channel: string, conversationId: string): Promise<HandoffView | undefined> {
    const e = await this.deps.queue.entry(channel, conversationId);
    if (!e) return undefined;
    const position =
      e.state === 'queued' ? await this.deps.queue.position(channel, conversationId) : undefined;
    const agentName = e.state === 'accepted' ? (await this.agentNames(e)).shown : undefined;
    return { state: e.state, ...(position ? { position } : {}), ...(agentName ? { agentName } : {}) };
  }

  /**
   * What the customer is told of the agent: a console agent's display name and staff number (no
   * name when the account has neither), or the name a contact centre gave for its own agent;
   * `notice` is the part the bot may write in its notice (see `noticeName`).
   */
  private async agentNames(e: QueueEntry): Promise<{ shown?: string; notice?: string }> {
    if (!e.agent) return {};
    const account = await this.deps.accounts?.get(e.agent);
    if (!account) return { shown: e.agent, notice: e.agent };
    const locale = e.locale === 'en' ? 'en' : 'zh-CN';
    return { shown: customerFacingName(account, locale), notice: noticeName(account, locale) };
  }

  async claim(channel: string, conversationId: string, agent: string): Promise<QueueEntry> {
    const entry = await this.deps.queue.claim(channel, conversationId, agent);
    const { notice } = await this.agentNames(entry);
    await this.tellBot(entry, { state: 'accepted', ...(notice ? { agentName: notice } : {}) });
    return entry;
  }

  async release(
    channel: string,
    conversationId: string,
    agent: string,
    outcome: string,
  ): Promise<QueueEntry> {
    const entry = await this.deps.queue.release(channel, conversationId, agent, outcome);
    await this.tellBot(entry, { state: 'completed' });
    return entry;
  }

  /** An agent's message to the customer, through the outgoing step (personal data and stray contacts masked). */
  async agentMessage(entry: QueueEntry, text: string): Promise<StoredMessage> {
    const masked = this.deps.screen(text);
    const [message] = await this.deps.transcripts.append(entry.conversationId, [
      {
        id: randomUUID(),
        conversationId: entry.conversationId,
        role: 'agent',
        text: masked,
        suggestedActions: [],
        citations: [],
        createdAt: new Date().toISOString(),
      },
    ]);
    if (!message) throw new Error('the agent message was not stored');
    await this.deps.bus.publish(entry.conversationId, {
      type: 'message',
      seq: message.seq,
      data: toApiMessage(message),
    });
    await this.deliver(entry, (await this.sides(entry)).push, message.text);
    return message;
  }

  /** A customer's message, for the console of the agent who holds the conversation. */
  async customerMessage(conversation: TurnConversation, message: StoredMessage): Promise<void> {
    await this.deps.bus.publish(AGENTS_TOPIC, {
      type: 'message',
      seq: message.seq,
      data: { id: caseKey(conversation.channel, conversation.id), message: toApiMessage(message) },
    });
  }

  /**
   * A handoff was requested: every console hears of it, and a bank's own contact centre, when one
   * is configured, gets the `handoff.initiate` event (in the background: the customer's turn does
   * not wait for it).
   */
  async started(conversation: TurnConversation, event: Record<string, unknown>): Promise<void> {
    await this.queueChanged(conversation.channel, conversation.id);
    if (this.deps.webhook) void this.deps.webhook.deliver(event);
  }

  /** A contact centre's `handoff.status`: the queue follows it, and so do the bot and the customer. */
  async fromHub(
    channel: string,
    conversationId: string,
    state: 'accepted' | 'completed' | 'failed',
    detail: { agent?: string; message?: string },
  ): Promise<QueueEntry> {
    const entry = await this.deps.queue.setState(channel, conversationId, state, {
      ...detail,
      ...(detail.message ? { message: maskPii(detail.message).text } : {}),
    });
    await this.tellBot(entry, { state, ...(detail.agent ? { agentName: detail.agent } : {}) });
    return entry;
  }

  /**
   * A queue change, for every console; and every other waiting customer hears their place now (a
   * case ahead was claimed, or a priority one came in). The changed conversation's own state is
   * published by whoever changed it.
   */
  async queueChanged(channel: string, conversationId: string): Promise<void> {
    await this.deps.bus.publish(AGENTS_TOPIC, {
      type: 'handoff',
      data: { id: caseKey(channel, conversationId) },
    });
    const waiting = await this.deps.queue.waiting();
    for (const [i, e] of waiting.entries()) {
      if (e.channel === channel && e.conversationId === conversationId) continue;
      const handoff: HandoffView = { state: 'queued', position: i + 1 };
      await this.deps.bus.publish(e.conversationId, { type: 'handoff', data: { handoff } });
    }
  }

  /** Push to a channel without a stream; a refusal is logged, never undoes what was done. */
  private async deliver(entry: QueueEntry, push: Push | undefined, text: string): Promise<void> {
    try {
      await push?.(entry.conversationId, text);
    } catch (err) {
      this.deps.logger?.warn(
        { err: String(err), channel: entry.channel },
        'could not deliver to the customer',
      );
    }
  }

  private async tellBot(entry: QueueEntry, value: { state: string; agentName?: string }): Promise<void> {
    // Under the turn's lock: a turn that is recording this conversation's handoff finishes first.
    let push: Push | undefined;
    const tell = async () => {
      const sides = await this.sides(entry);
      push = sides.sendsItself ? undefined : sides.push;
      return sides.bot ? sides.bot.handoffStatus(entry.conversationId, value) : undefined;
    };
    const sent = this.deps.locks ? await this.deps.locks.run(entry.conversationId, tell) : await tell();
    const handoff = await this.view(entry.channel, entry.conversationId);
    if (sent) {
      // A notice carries the state it announces (joined, ended), which a reloaded widget shows.
      const notices = botMessages(entry.conversationId, sent.messages).map((m) => ({
        ...m,
        role: 'system' as const,
        ...(handoff ? { handoff } : {}),
      }));
      for (const m of await this.deps.transcripts.append(entry.conversationId, notices)) {
        await this.deps.bus.publish(entry.conversationId, {
          type: 'message',
          seq: m.seq,
          data: toApiMessage(m),
        });
        await this.deliver(entry, push, m.text);
      }
    }
    await this.deps.bus.publish(entry.conversationId, { type: 'handoff', data: { handoff } });
    await this.queueChanged(entry.channel, entry.conversationId);
  }
}
