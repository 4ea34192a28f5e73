import type { Content } from '../../knowledge/content.js';
import type { SearchResult } from '../../knowledge/knowledgeIndex.js';
import type { Locale } from '../../knowledge/locale.js';
import { normalize } from '../../knowledge/normalize.js';
import type { SignalId } from '../../knowledge/signals.js';
import type { Tokenizer } from '../../knowledge/tokenizer.js';
import type { RedFlagFinder } from '../redFlagFinder.js';
import type { HarmKind } from '../replies/replies.js';
import type { Risk } from '../reply.js';
import type { CueBook } from './cueBook.js';
import { type Example, IntentClassifier } from './intentClassifier.js';

type Exposure = 'paid' | 'signed' | 'gave-documents' | 'gave-credentials' | 'stopped-repaying';

/** What triage read in one customer message. */
export type TriageResult = {
  intent: string;
  /** `rule` when a sharp rule decided, else the classifier's probability. */
  source: 'rule' | 'model';
  probability: number;
  risk: Risk;
  exposures: Exposure[];
  harm?: HarmKind;
  redFlags: string[];
  frustration: boolean;
  followUp: boolean;
  cancel: boolean;
  normalized: string;
  /** The retriever's answer to the message on its own; the use cases start from it. */
  found: SearchResult;
};

/** Retrieval, as triage sees it: the best article's topic informs the intent. */
export type Search = (text: string, locale: Locale) => Promise<SearchResult>;

const HARMS: HarmKind[] = ['forge', 'provoke', 'malicious-complaint', 'evade'];
const EXPOSURES: Exposure[] = ['paid', 'signed', 'gave-documents', 'gave-credentials', 'stopped-repaying'];
/** Cue lists that inform the classifier as features, without deciding on their own. */
const HINTS: SignalId[] = ['quoted-offer', 'report', 'hardship', 'collection', 'asking-about', 'follow-up'];
const QUOTES = /[「」“”"『』]/;
/** A short lead-in, a colon, then the pasted text: "帮我看看这个：…", "check this: …". */
const PASTED = /^[^\n:：]{2,30}[:：]\s*\S[\s\S]{3,}/;
/** The classifier's guesses below this probability are not taken. */
const MODEL_MIN = 0.3;
/** Below these, the model's guess at a sharp intent is not trusted: rules must decide those. */
const SHARP_MODEL_MIN: Record<string, number> = {
  distress: 0.9,
  'already-involved': 0.9,
  'request-human': 0.8,
};

/**
 * One intent and the risk signals per customer message: sharp rules first (distress, harmful
 * requests, exposure, asking for a person), then a classifier trained from content/intents.yaml.
 * @example triage.read('我已经交了3000', 'zh-CN').intent // 'already-involved'
 */
export class Triage {
  private constructor(
    private readonly book: CueBook,
    private readonly flags: RedFlagFinder,
    private readonly classifier: IntentClassifier,
    private readonly search: Search,
  ) {}

  static async train(
    content: Content,
    book: CueBook,
    flags: RedFlagFinder,
    tokenizer: Tokenizer,
    search: Search,
  ): Promise<Triage> {
    const examples: Example[] = [];
    for (const [label, byLocale] of Object.entries(content.intents))
      for (const [locale, texts] of Object.entries(byLocale))
        for (const text of texts) {
          const l = locale as Locale;
          const found = await search(text, l);
          examples.push({ text, label, extra: hints(book, flags, l, text, found) });
        }
    return new Triage(book, flags, IntentClassifier.train(examples, tokenizer), search);
  }

  async read(text: string, locale: Locale): Promise<TriageResult> {
    const found = await this.search(text, locale);
    const n = normalize(text);
    const has = (id: SignalId) => this.book.has(id, locale, n);
    // Someone's words quoted for a check are read as an offer: any service around debt is flagged.
    // A collector's message quoted ("催收短信说要冻结银行卡") is about collection, not an offer.
    const quoting = QUOTES.test(text) || PASTED.test(text);
    const pasted = quoting || (has('quoted-offer') && !has('collection'));
    // What the offer model learned reads pitches, not a collector's words a customer repeats.
    const redFlags =
      pasted && !has('collection')
        ? this.flags.find(n, 'offer')
        : this.flags.cued(n, pasted ? 'offer' : 'message');
    const exposures = EXPOSURES.filter(has);
    const harm = HARMS.find(has);
    const base = {
      exposures,
      redFlags,
      frustration: has('frustration'),
      followUp: has('follow-up'),
      cancel: has('cancel'),
      normalized: n,
      found,
    };
    const rule = (intent: string): TriageResult => ({
      ...base,
      intent,
      source: 'rule',
      probability: 1,
      risk: riskOf(intent, exposures, redFlags),
      ...(harm && intent === 'harmful-request' ? { harm } : {}),
    });
    if (has('distress')) return rule('distress');
    // "中介让我开假证明，违法吗" asks about a request; "你帮我写一下" makes one.
    const askingAbout = has('asking-about') && !has('direct-request');
    // An advert pasted for a check may offer to forge or evade: that is the agency's, not a request.
    // Only the content's own cues count here: a learned guess never lets a request through.
    const checking = quoting && this.flags.cued(n, 'offer').length > 0 && !has('direct-request');
    if (harm && !askingAbout && !checking) return rule('harmful-request');
    if (exposures.length) return rule('already-involved');
    if (has('request-human') && !has('contact-number')) return rule('request-human');
    // A report about a collector is a complaint about collection, handled as one.
    if (has('report') && !has('collection')) return rule('report-agency');
    // A pasted offer with a red flag is checked: "no warning signs" must never answer a pitch.
    if (pasted && redFlags.length) return rule('check-message');

    const ranked = this.classifier.predict(text, hints(this.book, this.flags, locale, text, found));
    const sure = found.confidence >= 0.5;
    const topic = sure ? found.hits[0]?.article.topics[0] : undefined;
    const acceptable = (label: string, p: number): boolean => {
      if (p < (SHARP_MODEL_MIN[label] ?? 0)) return false;
      // A refusal needs a rule's cue (forge, provoke, evade…): the model alone would refuse questions.
      if (label === 'harmful-request') return false;
      if (label === 'already-involved')
        return !redFlags.length && !has('quoted-offer') && !has('asking-about');
      if (label === 'greeting' || label === 'thanks-bye')
        return p >= 0.6 && [...n].length <= 24 && !base.followUp;
      // In the domain, an unsure answer offers choices; "I can't help with that" is for the rest.
      if (label === 'out-of-scope') return (p >= 0.8 || !sure) && !base.followUp && !has('in-domain');
      if (label === 'hardship') return has('hardship') && !askingAbout;
      if (label === 'request-human') return !has('asking-about') && !has('contact-number');
      if (label === 'collection-complaint') return has('collection') || topic === 'collection-misconduct';
      if (label === 'report-agency') return p >= 0.95;
      // An offer to check must be in the message: a red flag, a quotation, or someone's words.
      if (label === 'check-message') return redFlags.length > 0 || pasted;
      return true;
    };
    // The likeliest plausible guess with some weight; else "ask", the catch-all (never a weak runner-up).
    let best = ranked.find((r) => r.p >= MODEL_MIN && acceptable(r.label, r.p)) ?? { label: 'ask', p: 0 };
    if (redFlags.length >= 2 && ['ask', 'hardship', 'out-of-scope'].includes(best.label))
      best = { label: 'check-message', p: best.p };
    const intent = best.label;
    return {
      ...base,
      intent,
      source: 'model',
      probability: best.p,
      risk: riskOf(intent, exposures, redFlags),
    };
  }
}

function hints(
  book: CueBook,
  flags: RedFlagFinder,
  locale: Locale,
  text: string,
  found: SearchResult,
): string[] {
  const n = normalize(text);
  const fired: string[] = book.fired(HINTS, locale, n);
  // Quotation marks around a pasted advert vanish in normalisation, so look at the raw text.
  if (QUOTES.test(text)) fired.push('quoted');
  const topic = found.hits[0]?.article.topics[0];
  if (topic && found.confidence >= 0.4) fired.push(`topic:${topic}`);
  const count = flags.find(n).length;
  if (count) fired.push('red-flag');
  if (count > 1) fired.push('red-flags');
  return fired;
}

function riskOf(intent: string, exposures: Exposure[], redFlags: string[]): Risk {
  if (intent === 'distress') return 'high';
  if (exposures.some((e) => e === 'paid' || e === 'gave-documents' || e === 'gave-credentials'))
    return 'high';
  if (exposures.length) return 'medium';
  if (redFlags.length || intent === 'check-message') return 'low';
  return 'none';
}
