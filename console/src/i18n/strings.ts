import type { AgentErrorKind, Locale, Risk } from '../types.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/** Every word the console shows or announces; one file per locale. */
export type Strings = {
  lang: string;
  title: string;
  switchLocale: string;
  switchLocaleLabel: string;
  signedInAs(name: string, admin: boolean): string;
  logout: string;
  login: { heading: string; username: string; password: string; submit: string; busy: string };
  loginError(kind: AgentErrorKind, retryAfterS: number): string;
  problem(kind: AgentErrorKind): string;
  sessionEnded: string;
  liveLost: string;
  waiting(n: number): string;
  mine(n: number): string;
  allClaimed(n: number): string;
  emptyWaiting: string;
  emptyMine: string;
  callbacks(n: number): string;
  callbackRequested: string;
  waited(seconds: number): string;
  position(n: number): string;
  heldBy(agent: string): string;
  newMessages(n: number): string;
  claim: string;
  open: string;
  claimed: string;
  noCase: string;
  caseHeading(position: string): string;
  summary: string;
  /** "意图：核实广告或消息" / "Intent: checking an offer". */
  field(name: string, value: string): string;
  fields: {
    reason: string;
    risk: string;
    redFlags: string;
    intent: string;
    topics: string;
    language: string;
    channel: string;
    waited: string;
    callback: string;
    none: string;
  };
  reasons: Record<string, string>;
  /** A short name for each intent of the taxonomy (its own text describes, it does not name). */
  intents: Record<string, string>;
  risks: Record<Risk, string>;
  redFlags: Record<string, string>;
  languages: Record<string, string>;
  channels: Record<string, string>;
  priority: string;
  readOnly: string;
  transcript: string;
  who: Record<string, string>;
  citation(title: string, reviewed: string): string;
  customerSays(text: string): string;
  reply: { heading: string; label: string; hint: string; send: string; sent: string };
  canned: { heading: string; kb: string; phrases: string[] };
  release: {
    heading: string;
    outcome: string;
    note: string;
    noteNeeded: string;
    submit: string;
    done: string;
    outcomes: { value: string; label: string }[];
  };
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'en' ? en : zhCN;
}
