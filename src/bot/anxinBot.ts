import {
  ActivityHandler,
  ConversationState,
  HandoffEventNames,
  MiddlewareSet,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { detectLocale, type Locale } from '../knowledge/locale.js';
import { type Logger, logRef } from '../logger.js';
import type { OfficeHours } from '../officeHours.js';
import {
  type ConversationData,
  handoffActive,
  newConversationData,
  noteRisk,
  remember,
} from './conversationData.js';
import { Guardrail } from './guardrail.js';
import type { HandoffRequests } from './handoffRequest.js';
import { HandoffStarter } from './handoffStarter.js';
import { HandoffMiddleware } from './middleware/handoffMiddleware.js';
import { PiiMiddleware } from './middleware/piiMiddleware.js';
import { TriageMiddleware } from './middleware/triageMiddleware.js';
import { OutgoingStep } from './outgoingStep.js';
import { maskPii } from './pii.js';
import { emptyReply, type Reply, replyText } from './reply.js';
import type { ReportStore } from './report/agencyReport.js';
import { extractIdentifiers } from './report/identifiers.js';
import { cancelledReport, REPORT_DIALOG, ReportDialog } from './report/reportDialog.js';
import { ReportDrafts } from './report/reportDrafts.js';
import { respond } from './respond.js';
import { articleById, type Services, type Turn } from './services.js';
import { shownIn } from './shownReply.js';
import type { TriageResult } from './triage/triage.js';
import { TURN } from './turnKeys.js';
import { queueReply, takeReplies, toActivity } from './turnReplies.js';
import { contextOf } from './useCases/drawOn.js';

export type BotDeps = {
  services: Services;
  storage: Storage;
  reports: ReportStore;
  handoffs: HandoffRequests;
  /** When agents staff the chat; undefined means always. */
  officeHours?: Pick<OfficeHours, 'isOpen' | 'describe'>;
  /** Every value the customer may be shown: the directory's and the bank's own hotline. */
  allowedContacts: string[];
  logger: Logger;
  /** Told when the guardrail replaces a reply (metrics). */
  onGuardrailReplaced?: () => void;
};

/** A report that points at what was just checked: "举报这条广告", "report this advert", "report it". */
const THIS_ADVERT = /这条|这个|这则|它|刚才|上面|\bthis\b|\bit\b|\bthat\b/;

/**
 * Anxin's bot: middleware (pii → handoff → triage), then the use case for the intent, one reply
 * message per turn through the outgoing step (pii → guardrail), and a `handoff.initiate` event when a person is needed.
 * @example await adapter.processActivity(activity, (context) => bot.run(context))
 */
export class AnxinBot extends ActivityHandler {
  private readonly state: ConversationState;
  private readonly data: StatePropertyAccessor<ConversationData>;
  private readonly dialogs: DialogSet;
  private readonly middleware: MiddlewareSet;
  /** The step every outgoing message passes, whatever started it: personal data, then the guardrail. */
  private readonly outgoing: OutgoingStep;
  private readonly handoffs: HandoffStarter;
  private readonly drafts: ReportDrafts;

  constructor(private readonly deps: BotDeps) {
    super();
    this.state = new ConversationState(deps.storage);
    this.handoffs = new HandoffStarter(deps.handoffs);
    this.data = this.state.createProperty<ConversationData>('anxin');
    this.dialogs = new DialogSet(this.state.createProperty<DialogState>('dialogs'));
    this.drafts = new ReportDrafts(deps.storage);
    this.dialogs.add(
      new ReportDialog(deps.services, deps.reports, this.drafts, (ctx, reply) => queueReply(ctx, reply)),
    );
    this.outgoing = new OutgoingStep(
      new Guardrail(deps.allowedContacts),
      deps.services.composer,
      deps.logger,
      deps.onGuardrailReplaced,
    );
    this.middleware = new MiddlewareSet(
      new PiiMiddleware(),
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
    const reply = emptyReply(locale, 'greeting');
    reply.paragraphs.push(r.welcome);
    reply.actions.push(...r.welcomeActions);
    await this.send(context, data, reply);
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
    data.lastLocale = locale;

    if (!(await this.callbackNumber(context, turn))) await this.route(context, turn);
    const reply = takeReplies(context, locale, triage);
    const pii = (context.turnState.get(TURN.piiFound) as string[] | undefined) ?? [];
    // An agency's phone or WeChat ID given for a report, or in an advert pasted for a check, is
    // not the customer's own: no warning then.
    const agencyNumbers = reply.meta.intent === 'check-message' && pii.every((k) => k === 'mobile');
    if (pii.length && !data.piiWarned && !context.turnState.get(TURN.agencyDetails) && !agencyNumbers) {
      data.piiWarned = true;
      reply.paragraphs.unshift(this.deps.services.composer.replies(locale).piiWarning);
    }
    await this.send(context, data, reply);
    this.deps.logger.info(
      {
        conversation: logRef(context.activity.conversation.id),
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

  /**
   * Outside office hours a customer may leave a number for a call back: kept unmasked in the queue
   * for the agent who takes it, masked everywhere else.
   */
  private async callbackNumber(context: TurnContext, turn: Turn): Promise<boolean> {
    const h = turn.data.handoff;
    if (h?.state !== 'offline' || h.callbackAt) return false;
    const raw = (context.turnState.get(TURN.rawText) as string | undefined) ?? '';
    const phone = extractIdentifiers(raw).find((i) => i.kind === 'phone')?.value;
    if (!phone) return false;
    const a = context.activity;
    await this.deps.handoffs.callback(a.channelId, a.conversation.id, phone);
    h.callbackAt = new Date().toISOString();
    const reply = emptyReply(turn.locale, 'request-human');
    reply.paragraphs.push(
      this.deps.services.composer.replies(turn.locale).callbackNoted(maskPii(phone).text),
    );
    reply.meta.handoff = true;
    queueReply(context, reply);
    return true;
  }

  /** A report in progress continues (unless cancelled or interrupted); else the intent's use case. */
  private async route(context: TurnContext, turn: Turn): Promise<void> {
    const { services } = this.deps;
    const dc = await this.dialogs.createContext(context);
    const step = ReportDialog.step(dc);
    if (dc.activeDialog && turn.triage.cancel) {
      await dc.cancelAllDialogs();
      queueReply(context, cancelledReport(services, turn.locale));
    } else if (dc.activeDialog && !ReportDialog.interrupts(turn.triage, step)) {
      if (step === 'identifiers') context.turnState.set(TURN.agencyDetails, true);
      await dc.continueDialog();
    } else if (!dc.activeDialog && turn.triage.intent === 'report-agency') {
      const platform = services.cues.match('platform', turn.locale, turn.triage.normalized);
      const report = articleById(services, turn.locale, 'report-agency');
      if (report) turn.data.context = contextOf(report);
      const a = context.activity;
      // "举报这条广告" right after a check: the checked advert's text and contacts come with it.
      const fromCheck =
        THIS_ADVERT.test(turn.triage.normalized) &&
        !!(await this.drafts.peek(a.channelId, a.conversation.id));
      await dc.beginDialog(REPORT_DIALOG, {
        locale: turn.locale,
        ...(platform ? { platform } : {}),
        ...(fromCheck ? { fromCheck } : {}),
      });
    } else {
      await dc.cancelAllDialogs();
      const reply = await respond(services, turn);
      if (reply.meta.intent === 'check-message' && reply.meta.redFlags.length) {
        const raw = (context.turnState.get(TURN.rawText) as string | undefined) ?? turn.text;
        await this.drafts.keep(
          context.activity.channelId,
          context.activity.conversation.id,
          raw,
          reply.meta.redFlags,
        );
      }
      queueReply(context, reply);
    }
  }

  /** Send one reply (and start a handoff when it asks for one). */
  private async send(context: TurnContext, data: ConversationData, reply: Reply): Promise<void> {
    const r = this.deps.services.composer.replies(reply.locale);
    let started = false;
    if (reply.handoff && handoffActive(data)) reply.paragraphs.push(r.handoffPending);
    else if (reply.handoff) {
      // Outside office hours nobody can join: say so, and offer a call back instead.
      const hours = this.deps.officeHours;
      const closed = hours !== undefined && !hours.isOpen(new Date());
      data.handoff = {
        state: closed ? 'offline' : 'queued',
        reason: reply.handoff.reason,
        priority: reply.handoff.priority,
        requestedAt: new Date().toISOString(),
      };
      noteRisk(data, reply.meta.risk, reply.meta.redFlags);
      const position = await this.handoffs.record(context, data, reply);
      if (closed) reply.paragraphs.push(r.handoffClosed(hours.describe(reply.locale)));
      else reply.paragraphs.push(reply.handoff.priority ? r.handoffPriority : r.handoffQueued);
      if (position) reply.paragraphs.push(r.handoffPosition(position));
      started = true;
    } else noteRisk(data, reply.meta.risk, reply.meta.redFlags);
    reply.meta.handoff = started || handoffActive(data);
    const text = this.deps.services.composer.render(replyText(reply), reply.locale);
    const shown = this.outgoing.reply(context, reply, text);
    shownIn(context).push(shown);
    const sent = await context.sendActivity(toActivity(shown));
    remember(data, 'bot', sent ? shown.text : '');
    if (started) await this.handoffs.announce(context, data, reply);
  }

  /** A hub's (or our console's) `handoff.status`: follow it and tell the customer, in their language. */
  private async onHandoffStatus(context: TurnContext): Promise<void> {
    const data = await this.data.get(context, newConversationData());
    const before = data.handoff?.state;
    this.handoffs.status(data, (context.activity.value ?? {}) as Record<string, unknown>);
    const now = data.handoff?.state;
    if (!now || now === before) return;
    const locale = data.locale ?? data.lastLocale ?? 'zh-CN';
    const r = this.deps.services.composer.replies(locale);
    const text =
      now === 'accepted'
        ? r.handoffAccepted(data.handoff?.agentName)
        : now === 'completed'
          ? r.handoffEnded
          : r.handoffFailed;
    const reply = emptyReply(locale, 'request-human');
    reply.paragraphs.push(text);
    await this.send(context, data, reply);
  }
}
