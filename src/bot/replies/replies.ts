/** A button under a reply: `title` is shown, `value` is sent back as the customer's words. */
export type Action = { title: string; value: string };
export type HarmKind = 'forge' | 'provoke' | 'malicious-complaint' | 'evade';

/**
 * Everything the bot says that is not an article, for one locale. `{{channel:id}}` and
 * `{{bank:field}}` references are rendered from the directory and the configuration.
 */
export type Replies = {
  welcome: string;
  welcomeActions: Action[];
  thanks: string;
  outOfScope: string;
  outOfScopeActions: Action[];
  stepsHeading: string;
  channelsHeading: string;
  citation(title: string, reviewed: string): string;
  clarify: string;
  clarifyAgain: string;
  talkToPerson: Action;
  checkHeading: string;
  flagLine(name: string, explain: string): string;
  /** `unsure`: no red flag, but the text is about debts, credit or collection: never an all-clear. */
  checkVerdict: { many: string; some: string; none: string; unsure: string };
  checkLawfulPath: string;
  stopLossIntro: string;
  refusal: Record<HarmKind, string>;
  refusalLawfulPath: string;
  distress: string;
  frustration: string;
  handoffQueued: string;
  handoffPriority: string;
  handoffPending: string;
  handoffAccepted(agentName?: string): string;
  handoffEnded: string;
  handoffFailed: string;
  handoffClosed(hours: string): string;
  callbackNoted(maskedNumber: string): string;
  handoffPosition(position: number): string;
  piiWarning: string;
  report: {
    askWhere: string;
    askIdentifiers(platform?: string): string;
    askDescription: string;
    saved(reference: string): string;
    cancelled: string;
    cancelAction: Action;
    skipAction: Action;
    resumeAction: Action;
    noted(items: string): string;
    /** After a check that found red flags: report the advert just checked. */
    reportAdAction: Action;
    /** When the advert's contacts came from the check: anything to add before it is sent. */
    askAnythingElse: string;
    /** Heads the checked advert's text in the stored report. */
    pitchLabel: string;
  };
  safeFallback: string;
  turnError: string;
};
