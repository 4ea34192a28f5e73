import type { EventBus } from '../coordination/eventBus.js';
import type { TurnLock } from '../coordination/keyedLock.js';
import type { ConversationRecord } from './conversationRecord.js';
import type { InProcessChannel } from './inProcess.js';
import { botMessages, customerMessage, toApiMessage } from './messageView.js';
import type { HandoffView, StoredMessage, TranscriptStore } from './transcript.js';
import { turnOutcome } from './turnOutcome.js';
import type { TurnResult } from './turnResult.js';

/** Told after every turn (metrics). */
export type TurnObserver = (outcome: ReturnType<typeof turnOutcome>, ms: number) => void;

/** A conversation as a turn sees it: one of Anxin's own, or one on a Bot Framework channel. */
export type TurnConversation = { id: string; channel: string };

/** Runs the bot on the customer's message; answers what it showed. */
export type BotRun = () => Promise<TurnResult>;

/** What the runner needs of the handoff side: the customer's view of it, and the consoles to tell. */
export type HandoffSide = {
  view(channel: string, conversationId: string): Promise<HandoffView | undefined>;
  customerMessage(conversation: TurnConversation, message: StoredMessage): Promise<void>;
  /** A handoff has just been requested (its `handoff.initiate` event). */
  started(conversation: TurnConversation, event: Record<string, unknown>): Promise<void>;
};

/**
 * One customer turn of the HTTP API: serialised per conversation, the customer's message stored
 * (masked) before the bot runs, the bot's replies stored before the answer is sent, and a resent
 * `clientMessageId` answered from the store without running the turn again.
 */
export class TurnRunner {
  constructor(
    private readonly channels: Record<ConversationRecord['channel'], InProcessChannel>,
    private readonly transcripts: TranscriptStore,
    private readonly bus: EventBus,
    private readonly locks: TurnLock,
    private readonly observe?: TurnObserver,
    private readonly handoff?: HandoffSide,
  ) {}

  /**
   * One turn. The bot runs in process for Anxin's own channels; a Bot Framework turn passes `bot`,
   * which runs it in the channel's own context (its replies go out through the channel).
   */
  say(
    conversation: TurnConversation,
    text: string,
    clientMessageId?: string,
    bot?: BotRun,
  ): Promise<StoredMessage[]> {
    const run = bot ?? (() => this.inProcess(conversation).say(conversation.id, text));
    return this.locks.run(conversation.id, async () => {
      const seen = clientMessageId
        ? await this.transcripts.byClientMessageId(conversation.id, clientMessageId)
        : undefined;
      if (seen) {
        const replies = await this.transcripts.repliesTo(conversation.id, seen.id);
        // No reply: the process stopped mid-turn (finish it now), or the turn was silent because an
        // agent holds the conversation (running it again is silent again).
        if (replies.length) return replies;
        return this.run(conversation, run, seen.id);
      }
      const [customer] = await this.transcripts.append(conversation.id, [
        customerMessage(conversation.id, text, clientMessageId),
      ]);
      if (customer) await this.handoff?.customerMessage(conversation, customer);
      return this.run(conversation, run, customer?.id);
    });
  }

  private inProcess(conversation: TurnConversation): InProcessChannel {
    const channel = this.channels[conversation.channel as ConversationRecord['channel']];
    if (!channel) throw new Error(`no in-process channel "${conversation.channel}"`);
    return channel;
  }

  private async run(conversation: TurnConversation, bot: BotRun, replyTo?: string): Promise<StoredMessage[]> {
    const started = performance.now();
    await this.bus.publish(conversation.id, { type: 'typing', data: { role: 'bot' } });
    const result = await bot();
    const outcome = turnOutcome(result);
    const messages = botMessages(conversation.id, result.messages, replyTo);
    // The customer's view of a handoff (state, place in the queue) comes from the queue itself.
    const view = outcome.handoff
      ? await this.handoff?.view(conversation.channel, conversation.id)
      : undefined;
    for (const m of messages) if (m.handoff && view) m.handoff = view;
    const stored = await this.transcripts.append(conversation.id, messages);
    this.observe?.(outcome, performance.now() - started);
    const handoff = stored.find((m) => m.handoff)?.handoff;
    if (outcome.handoffEvent && handoff) {
      await this.bus.publish(conversation.id, { type: 'handoff', data: { handoff } });
      await this.handoff?.started(conversation, outcome.handoffEvent);
    }
    return stored;
  }

  /** Where the conversation's handoff stands (an agent may already hold it). */
  async handoffView(conversation: ConversationRecord): Promise<HandoffView | undefined> {
    return this.handoff?.view(conversation.channel, conversation.id);
  }

  /** The welcome of a new conversation, stored like any bot message. */
  async welcome(conversation: ConversationRecord): Promise<StoredMessage[]> {
    const sent = await this.channels[conversation.channel].welcome(conversation.id, conversation.locale);
    return this.transcripts.append(conversation.id, botMessages(conversation.id, sent.messages));
  }

  static view(messages: StoredMessage[]) {
    return messages.map(toApiMessage);
  }
}
