import { type Activity, ActivityTypes, EventFactory, type TurnContext } from 'botbuilder';
import type { ConversationData, HandoffState } from './conversationData.js';
import type { HandoffRequests } from './handoffRequest.js';
import type { Reply } from './reply.js';

const STATES: HandoffState['state'][] = ['accepted', 'completed', 'failed'];

/**
 * Starts a handoff: records the request with its case summary and sends the Bot Framework
 * `handoff.initiate` event with the masked transcript; follows the hub's `handoff.status`.
 * @example const place = await handoffs.record(context, data, reply); … await handoffs.announce(context, data, reply)
 */
export class HandoffStarter {
  constructor(private readonly requests: HandoffRequests) {}

  /** Records the request (with its case summary) in the queue; answers the customer's place in it. */
  async record(context: TurnContext, data: ConversationData, reply: Reply): Promise<number | undefined> {
    const a = context.activity;
    await this.requests.request({
      ...this.summary(data, reply),
      conversationId: a.conversation.id,
      channel: a.channelId,
      locale: reply.locale,
      requestedAt: data.handoff?.requestedAt ?? new Date().toISOString(),
      transcript: data.transcript.map((l) => ({ ...l })),
    });
    if (data.handoff?.state === 'offline') {
      await this.requests.setState(a.channelId, a.conversation.id, 'offline');
      return undefined;
    }
    return this.requests.position(a.channelId, a.conversation.id);
  }

  /** Sends the Bot Framework `handoff.initiate` event with the masked transcript. */
  async announce(context: TurnContext, data: ConversationData, reply: Reply): Promise<void> {
    const activities = data.transcript.map((line) => ({
      type: ActivityTypes.Message,
      text: line.text,
      timestamp: new Date(line.at),
      from: { id: line.role, name: line.role, role: line.role === 'customer' ? 'user' : 'bot' },
    })) as Partial<Activity>[] as Activity[];
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, this.summary(data, reply), { activities }),
    );
  }

  private summary(data: ConversationData, reply: Reply) {
    return {
      reason: reply.handoff?.reason ?? 'customer-request',
      priority: reply.handoff?.priority ?? false,
      intent: reply.meta.intent,
      risk: data.risk,
      redFlags: data.redFlags,
      topics: reply.meta.topics,
    };
  }

  /** A hub's status: accepted, completed or failed; anything else is accepted and ignored. */
  status(data: ConversationData, value: { state?: unknown; agentName?: unknown }): void {
    const state = STATES.find((s) => s === value.state);
    if (!data.handoff || !state) return;
    data.handoff.state = state;
    if (typeof value.agentName === 'string') data.handoff.agentName = value.agentName.slice(0, 80);
  }
}
