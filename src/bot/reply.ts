import type { Locale } from '../knowledge/locale.js';
import type { Action } from './replies/replies.js';

export type Risk = 'none' | 'low' | 'medium' | 'high';
export type Citation = { articleId: string; title: string; reviewed: string };

/** Why the bot asks for a person; the agent console sorts and explains by it. */
export type HandoffReason =
  | 'customer-request'
  | 'distress'
  | 'already-involved'
  | 'low-confidence'
  | 'frustration';

/** What a turn decided, beside what it said (CONTRACT §1 fields). */
export type TurnMeta = {
  intent: string;
  topics: string[];
  articles: string[];
  confidence: number;
  risk: Risk;
  redFlags: string[];
  handoff: boolean;
  refused: boolean;
};

/**
 * A channel-neutral reply: Markdown paragraphs, buttons, citations, and what the turn decided.
 * `handoff` asks the bot to start a handoff after sending the text.
 */
export type Reply = {
  locale: Locale;
  paragraphs: string[];
  actions: Action[];
  citations: Citation[];
  meta: TurnMeta;
  handoff?: { reason: HandoffReason; priority: boolean };
};

/** A reply with no guidance behind it yet; use cases fill it in. */
export function emptyReply(locale: Locale, intent: string): Reply {
  return {
    locale,
    paragraphs: [],
    actions: [],
    citations: [],
    meta: {
      intent,
      topics: [],
      articles: [],
      confidence: 0,
      risk: 'none',
      redFlags: [],
      handoff: false,
      refused: false,
    },
  };
}

/** The reply as one Markdown text. */
export function replyText(reply: Pick<Reply, 'paragraphs'>): string {
  return reply.paragraphs.filter((p) => p.trim()).join('\n\n');
}
