import type { Storage } from 'botbuilder';
import { maskPii } from '../pii.js';
import type { Identifier } from './agencyReport.js';
import { extractIdentifiers } from './identifiers.js';

/** A checked pitch kept for one action, "report this advert": the agency's text and contacts. */
export type ReportDraft = {
  /** The pasted pitch, the customer's own personal data masked. */
  pitch: string;
  /** The agency's phone numbers, WeChat and QQ IDs and links, as the fraud team needs them. */
  identifiers: Identifier[];
  redFlags: string[];
  createdAt: string;
};

/** Storage keys of drafts start with this; like reports, they keep an agency's contacts by design. */
export const DRAFT_KEY_PREFIX = 'report-drafts/';
const TTL_MS = 24 * 60 * 60 * 1000;
const PITCH_MAX = 600;

/**
 * The last checked pitch of each conversation, kept apart from conversation state (under its own
 * storage key, in whichever store the bot uses) until the customer reports it or a day passes.
 * @example await drafts.keep('web', 'c1', rawText, ['upfront-fee']); await drafts.take('web', 'c1')
 */
export class ReportDrafts {
  constructor(private readonly storage: Storage) {}

  private key(channel: string, conversationId: string): string {
    return `${DRAFT_KEY_PREFIX}${channel}/${conversationId}`;
  }

  /** Keep a pitch from the customer's raw (unmasked) message: its contacts whole, the rest masked. */
  async keep(channel: string, conversationId: string, raw: string, redFlags: string[]): Promise<void> {
    const draft: ReportDraft = {
      pitch: maskPii(raw).text.slice(0, PITCH_MAX),
      identifiers: extractIdentifiers(raw).filter((i) => i.kind !== 'name'),
      redFlags,
      createdAt: new Date().toISOString(),
    };
    await this.storage.write({ [this.key(channel, conversationId)]: draft });
  }

  /** The conversation's draft, if one younger than a day is waiting; it stays. */
  async peek(channel: string, conversationId: string): Promise<ReportDraft | undefined> {
    const key = this.key(channel, conversationId);
    const draft = (await this.storage.read([key]))[key] as ReportDraft | undefined;
    return draft && Date.now() - Date.parse(draft.createdAt) < TTL_MS ? draft : undefined;
  }

  /** The conversation's draft, once: taking it deletes it; one older than a day is gone. */
  async take(channel: string, conversationId: string): Promise<ReportDraft | undefined> {
    const key = this.key(channel, conversationId);
    const draft = (await this.storage.read([key]))[key] as ReportDraft | undefined;
    if (!draft) return undefined;
    await this.storage.delete([key]);
    return Date.now() - Date.parse(draft.createdAt) < TTL_MS ? draft : undefined;
  }
}
