import {
  type Activity,
  ActivityHandler,
  ActivityTypes,
  ConversationState,
  EventFactory,
  HandoffEventNames,
  MiddlewareSet,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { detectLocale, type Locale } from '../knowledge/locale.js';
import type { Logger } from '../logger.js';
import {
  type ConversationData,
  handoffActive,
  newConversationData,
  noteRisk,
  remember,
} from './conversationData.js';
import { Guardrail } from './guardrail.js';
import { GuardrailMiddleware } from './middleware/guardrailMiddleware.js';
import { HandoffMiddleware } from './middleware/handoffMiddleware.js';
import { PiiMiddleware } from './middleware/piiMiddleware.js';
import { TriageMiddleware } from './middleware/triageMiddleware.js';
import type { HandoffRequests, ReportStore } from './ports.js';
import { type Reply, replyText } from './reply.js';
import { REPORT_DIALOG, ReportDialog } from './report/reportDialog.js';
import { respond } from './respond.js';
import { articleById, type Services, type Turn } from './services.js';
import type { TriageResult } from './triage/triage.js';
import { TURN } from './turnKeys.js';
import { contextOf } from './useCases/drawOn.js';

export type BotDeps = {
  services: Services;
  storage: Storage;
  reports: ReportStore;
  handoffs: HandoffRequests;
  /** Every value the customer may be shown: the directory's and the bank's own hotline. */
  allowedContacts: string[];
  logger: Logger;
};

/**
 * Anxin's bot: middleware (pii → guardrail → handoff → triage), then the use case for the intent,
 * one reply message per turn, and a `handoff.initiate` event when a person is needed.
 * @example await adapter.processActivity(activity, (context) => bot.run(context))
 */
export class AnxinBot extends ActivityHandler {
  private readonly state: ConversationState;
  private readonly data: StatePropertyAccessor<ConversationData>;
  private readonly dialogs: DialogSet;
  private readonly middleware: MiddlewareSet;

  constructor(private readonly deps: BotDeps) {
    super();
    this.state = new ConversationState(deps.storage);
    this.data = this.state.createProperty<ConversationData>('anxin');
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogs'));
    this.dialogs.add(new ReportDialog(deps.services, deps.reports, (ctx, reply) => queue(ctx, reply)));
    this.middleware = new MiddlewareSet(
      new PiiMiddleware(),
      new GuardrailMiddleware(new Guardrail(deps.allowedContacts), deps.services.composer, deps.logger),
      new HandoffMiddleware(this.data),
      new TriageMiddleware(deps.services.triage, this.data),
    );
    this.onMessage(async (context, next) => {
      await this.onCustomerMessage(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === HandoffEventNames.HandoffStatus) await this.onHandoffStatus(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.middleware.run(context, () => super.run(context));
    await this.state.saveChanges(context);
  }

  /** The welcome message for a new conversation (web and app channels send it on creation). */
  async welcome(context: TurnContext, locale: Locale): Promise<void> {
    const data = await this.data.get(context, newConversationData());
    data.locale = locale;
    const r = this.deps.services.composer.replies(locale);
    await this.send(context, data, {
      locale,
      paragraphs: [r.welcome],
      actions: r.welcomeActions,
      citations: [],
      meta: {
        intent: 'greeting',
        topics: [],
        articles: [],
        confidence: 0,
        risk: 'none',
        redFlags: [],
        handoff: false,
        refused: false,
      },
    });
    await this.state.saveChanges(context);
  }

  private async onCustomerMessage(context: TurnContext): Promise<void> {
    const started = performance.now();
    const data = await this.data.get(context, newConversationData());
    const locale =
      (context.turnState.get(TURN.locale) as Locale | undefined) ?? detectLocale(context.activity.text ?? '');
    const triage = context.turnState.get(TURN.triage) as TriageResult;
    const turn: Turn = { text: context.activity.text ?? '', locale, triage, data };
    remember(data, 'customer', turn.text);

    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) {
      if (triage.cancel) {
        await dc.cancelAllDialogs();
        const r = this.deps.services.composer.replies(locale).report;
        const reply = (await respond(this.deps.services, {
          ...turn,
          triage: { ...triage, intent: 'report-agency' },
        })) as Reply;
        reply.paragraphs = [r.cancelled];
        reply.actions = [];
        reply.citations = [];
        queue(context, reply);
      } else if (ReportDialog.interrupts(triage, ReportDialog.step(dc))) {
        await dc.cancelAllDialogs();
        queue(context, await respond(this.deps.services, turn));
      } else {
        await dc.continueDialog();
      }
    } else if (triage.intent === 'report-agency') {
      const platform = this.deps.services.cues.match('platform', locale, triage.normalized);
      const report = articleById(this.deps.services, locale, 'report-agency');
      if (report) turn.data.context = contextOf(report);
      await dc.beginDialog(REPORT_DIALOG, { locale, ...(platform ? { platform } : {}) });
    } else {
      queue(context, await respond(this.deps.services, turn));
    }
    const replies = (context.turnState.get(TURN.replies) as Reply[] | undefined) ?? [];
    const reply = merge(replies, locale, triage);
    const pii = (context.turnState.get(TURN.piiFound) as string[] | undefined) ?? [];
    if (pii.length && !data.piiWarned) {
      data.piiWarned = true;
      reply.paragraphs.unshift(this.deps.services.composer.replies(locale).piiWarning);
    }
    await this.send(context, data, reply);
    this.deps.logger.info(
      {
        conversation: context.activity.conversation.id,
        intent: reply.meta.intent,
        risk: reply.meta.risk,
        handoff: reply.meta.handoff,
        refused: reply.meta.refused,
        confidence: Number(reply.meta.confidence.toFixed(3)),
        ms: Number((performance.now() - started).toFixed(2)),
      },
      'turn',
    );
  }

  /** Send one reply (and start a handoff when it asks for one). */
  private async send(context: TurnContext, data: ConversationData, reply: Reply): Promise<void> {
    const r = this.deps.services.composer.replies(reply.locale);
    let started = false;
    if (reply.handoff && handoffActive(data)) reply.paragraphs.push(r.handoffPending);
    else if (reply.handoff) {
      data.handoff = {
        state: 'queued',
        reason: reply.handoff.reason,
        priority: reply.handoff.priority,
        requestedAt: new Date().toISOString(),
      };
      reply.paragraphs.push(reply.handoff.priority ? r.handoffPriority : r.handoffQueued);
      started = true;
    }
    reply.meta.handoff = handoffActive(data);
    noteRisk(data, reply.meta.risk, reply.meta.redFlags);
    const text = this.deps.services.composer.render(replyText(reply), reply.locale);
    const sent = await context.sendActivity(toActivity(reply, text));
    remember(data, 'bot', sent ? text : '');
    if (started) await this.startHandoff(context, data, reply);
  }

  private async startHandoff(context: TurnContext, data: ConversationData, reply: Reply): Promise<void> {
    const a = context.activity;
    const summary = {
      reason: reply.handoff?.reason ?? 'customer-request',
      priority: reply.handoff?.priority ?? false,
      intent: reply.meta.intent,
      risk: data.risk,
      redFlags: data.redFlags,
      topics: reply.meta.topics,
    };
    const transcript = data.transcript.map((line) => ({
      type: ActivityTypes.Message,
      text: line.text,
      timestamp: new Date(line.at),
      from: { id: line.role, name: line.role, role: line.role === 'customer' ? 'user' : 'bot' },
    })) as Partial<Activity>[];
    await this.deps.handoffs.request({
      ...summary,
      conversationId: a.conversation.id,
      channel: a.channelId,
      locale: reply.locale,
      requestedAt: data.handoff?.requestedAt ?? new Date().toISOString(),
      transcript: data.transcript.map((l) => ({ ...l })),
    });
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, summary, { activities: transcript as Activity[] }),
    );
  }

  private async onHandoffStatus(context: TurnContext): Promise<void> {
    const data = await this.data.get(context, newConversationData());
    const value = (context.activity.value ?? {}) as { state?: string; message?: string; agentName?: string };
    if (!data.handoff || !['accepted', 'completed', 'failed'].includes(value.state ?? '')) return;
    data.handoff.state = value.state as 'accepted' | 'completed' | 'failed';
    if (value.agentName) data.handoff.agentName = value.agentName;
  }
}

function queue(context: TurnContext, reply: Reply): void {
  const replies = (context.turnState.get(TURN.replies) as Reply[] | undefined) ?? [];
  replies.push(reply);
  context.turnState.set(TURN.replies, replies);
}

/** All replies of a turn as one: their paragraphs in order, the last one's buttons and decisions. */
function merge(replies: Reply[], locale: Locale, triage: TriageResult): Reply {
  const last = replies[replies.length - 1];
  if (!last)
    return {
      locale,
      paragraphs: [],
      actions: [],
      citations: [],
      meta: {
        intent: triage.intent,
        topics: [],
        articles: [],
        confidence: 0,
        risk: triage.risk,
        redFlags: [],
        handoff: false,
        refused: false,
      },
    };
  return {
    ...last,
    paragraphs: replies.flatMap((r) => r.paragraphs),
    citations: replies.flatMap((r) => r.citations),
    ...(replies.find((r) => r.handoff)?.handoff ? { handoff: replies.find((r) => r.handoff)?.handoff } : {}),
  } as Reply;
}

function toActivity(reply: Reply, text: string): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    textFormat: 'markdown',
    locale: reply.locale,
    ...(reply.actions.length
      ? {
          suggestedActions: {
            to: [],
            actions: reply.actions.map((x) => ({ type: 'imBack', title: x.title, value: x.value })),
          },
        }
      : {}),
    channelData: { anxin: { ...reply.meta, citations: reply.citations } },
  };
}
