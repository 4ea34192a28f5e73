import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Locale } from '../../knowledge/locale.js';
import { maskPii } from '../pii.js';
import { emptyReply, type Reply } from '../reply.js';
import { articleById, type Services } from '../services.js';
import type { TriageResult } from '../triage/triage.js';
import { TURN } from '../turnKeys.js';
import { drawOn } from '../useCases/drawOn.js';
import type { AgencyReport, Identifier, ReportStore } from './agencyReport.js';
import { extractIdentifiers } from './identifiers.js';
import { newReference } from './reference.js';
import type { ReportDrafts } from './reportDrafts.js';

/** Echo an identifier without repeating it: enough to recognise, never a dialable number. */
function maskIdentifier(value: string): string {
  const chars = [...value];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(6, chars.length - 4))}${chars.slice(-2).join('')}`;
}

export const REPORT_DIALOG = 'report-agency';
/** "Skip", "none", "no": the customer has nothing to give at this step. */
const NOTHING_TO_ADD = /^\s*(跳过|没有|不知道|没了|skip|none|no|nothing)\s*$/i;
type Values = {
  locale: Locale;
  platform?: string;
  identifiers?: Identifier[];
  step?: 'where' | 'identifiers' | 'description';
  /** Started from a checked advert: its text and contacts wait in the drafts store, not here. */
  fromCheck?: boolean;
};
type Say = (context: TurnContext, reply: Reply) => void;

/**
 * report-agency: where it was seen, the agency's identifiers, what happened; then a stored report
 * with a reference number and the other places to report it. "取消"/"cancel" ends it at any step.
 */
export class ReportDialog extends ComponentDialog {
  constructor(
    private readonly s: Services,
    private readonly reports: ReportStore,
    private readonly drafts: ReportDrafts,
    private readonly say: Say,
  ) {
    super(REPORT_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${REPORT_DIALOG}/steps`, [
        (step) => this.askWhere(step),
        (step) => this.askIdentifiers(step),
        (step) => this.askDescription(step),
        (step) => this.save(step),
      ]),
    );
  }

  /** Whether this customer message leaves the dialog rather than answers its question. */
  static interrupts(triage: TriageResult, step: Values['step']): boolean {
    if (
      triage.intent === 'distress' ||
      triage.intent === 'harmful-request' ||
      triage.intent === 'request-human'
    )
      return triage.source === 'rule';
    return step === 'where' && triage.followUp;
  }

  static step(dc: { activeDialog?: { state: Record<string, unknown> } }): Values['step'] {
    const inner = dc.activeDialog?.state.dialogs as
      | { dialogStack?: { state?: { values?: Values } }[] }
      | undefined;
    return inner?.dialogStack?.[0]?.state?.values?.step;
  }

  private reply(locale: Locale, paragraphs: string[], actions: Reply['actions']): Reply {
    return reportReply(this.s, locale, paragraphs, actions);
  }

  private async askWhere(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const options = step.options as { locale: Locale; platform?: string; fromCheck?: boolean };
    v.locale = options.locale;
    if (options.fromCheck) v.fromCheck = true;
    if (options.platform) {
      v.platform = options.platform;
      return step.next();
    }
    v.step = 'where';
    const r = this.s.composer.replies(v.locale).report;
    this.say(step.context, this.reply(v.locale, [r.askWhere], [r.cancelAction]));
    return Dialog.EndOfTurn;
  }

  private async askIdentifiers(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    if (!v.platform) {
      const text = step.context.activity.text ?? '';
      v.platform = this.s.cues.match('platform', v.locale, text.toLowerCase()) ?? text.trim().slice(0, 40);
    }
    if (v.fromCheck) return step.next();
    v.step = 'identifiers';
    const r = this.s.composer.replies(v.locale).report;
    this.say(
      step.context,
      this.reply(v.locale, [r.askIdentifiers(v.platform)], [r.skipAction, r.cancelAction]),
    );
    return Dialog.EndOfTurn;
  }

  private async askDescription(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    if (v.fromCheck) return this.askAnythingElse(step);
    const raw =
      (step.context.turnState.get(TURN.rawText) as string | undefined) ?? step.context.activity.text ?? '';
    const skipped = NOTHING_TO_ADD.test(raw);
    v.identifiers = skipped ? [] : extractIdentifiers(raw);
    v.step = 'description';
    const r = this.s.composer.replies(v.locale).report;
    const echo = v.identifiers.map((i) => maskIdentifier(i.value)).join(', ');
    this.say(
      step.context,
      this.reply(v.locale, [...(echo ? [r.noted(echo)] : []), r.askDescription], [r.cancelAction]),
    );
    return Dialog.EndOfTurn;
  }

  /** From a check: echo the advert's contacts (masked) and ask only whether to add anything. */
  private async askAnythingElse(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const a = step.context.activity;
    const draft = await this.drafts.peek(a.channelId, a.conversation.id);
    v.step = 'description';
    const r = this.s.composer.replies(v.locale).report;
    const echo = (draft?.identifiers ?? []).map((i) => maskIdentifier(i.value)).join(', ');
    this.say(
      step.context,
      this.reply(v.locale, [...(echo ? [r.noted(echo)] : []), r.askAnythingElse], [r.cancelAction]),
    );
    return Dialog.EndOfTurn;
  }

  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const a = step.context.activity;
    const r = this.s.composer.replies(v.locale).report;
    const draft = v.fromCheck ? await this.drafts.take(a.channelId, a.conversation.id) : undefined;
    const own = NOTHING_TO_ADD.test(a.text ?? '') && draft ? '' : (a.text ?? '');
    const description = draft ? [own, `${r.pitchLabel}${draft.pitch}`].filter(Boolean).join('\n\n') : own;
    const report: AgencyReport = {
      reference: newReference(),
      createdAt: new Date().toISOString(),
      locale: v.locale,
      channel: a.channelId,
      conversationId: a.conversation.id,
      platform: maskPii(v.platform ?? '').text,
      identifiers: draft?.identifiers ?? v.identifiers ?? [],
      description: description.slice(0, 1000),
    };
    await this.reports.save(report);
    this.say(step.context, this.reply(v.locale, [r.saved(report.reference)], []));
    return step.endDialog(report.reference);
  }
}

/** A reply of the report dialog: it draws on the report-agency article. */
function reportReply(s: Services, locale: Locale, paragraphs: string[], actions: Reply['actions']): Reply {
  const reply = emptyReply(locale, 'report-agency');
  const article = articleById(s, locale, 'report-agency');
  drawOn(reply, article ? [article] : [], [], 1);
  reply.paragraphs.push(...paragraphs.map((p) => s.composer.render(p, locale)));
  reply.actions.push(...actions);
  return reply;
}

/** What the customer reads when they cancel a report: nothing was kept. */
export function cancelledReport(s: Services, locale: Locale): Reply {
  return reportReply(s, locale, [s.composer.replies(locale).report.cancelled], []);
}
