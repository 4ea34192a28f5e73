import type { PitchExample } from '../knowledge/pitchExamples.js';
import type { Tokenizer } from '../knowledge/tokenizer.js';
import { IntentClassifier } from './triage/intentClassifier.js';

/** Thresholds, chosen by cross-validation over the train split's pages (`npm run eval`). */
const OFFER_MODEL = { scamAt: 0.5, flagAt: 0.2 } as const;

/**
 * What the checker learns from content/pitch-examples.yaml: whether a quoted text reads like an
 * agency's pitch (one model), and which warning signs such pitches show (another). It adds to
 * the cue lists, never removes from them, so a pitch worded as none before is still flagged.
 * @example OfferModel.train(content.pitchExamples, tokenizer)?.flags('专业团队帮你协商停息') // ['third-party-fix']
 */
export class OfferModel {
  private constructor(
    private readonly pitch: IntentClassifier,
    private readonly signs: IntentClassifier,
  ) {}

  /** Needs pitches and look-alikes both; without them there is nothing to learn. */
  static train(examples: readonly PitchExample[], tokenizer: Tokenizer): OfferModel | undefined {
    const pitches = examples.filter((e) => e.flags.length);
    if (!pitches.length || pitches.length === examples.length) return undefined;
    const pitch = IntentClassifier.train(
      examples.map((e) => ({ text: e.text, label: e.flags.length ? 'pitch' : 'legit' })),
      tokenizer,
    );
    const signs = IntentClassifier.train(
      pitches.flatMap((e) => e.flags.map((label) => ({ text: e.text, label }))),
      tokenizer,
    );
    return new OfferModel(pitch, signs);
  }

  /** The warning signs of a text that reads like a pitch (the likeliest at least); else none. */
  flags(text: string): string[] {
    const p = this.pitch.predict(text).find((x) => x.label === 'pitch')?.p ?? 0;
    if (p < OFFER_MODEL.scamAt) return [];
    const signs = this.signs.predict(text);
    const likely = signs.filter((s) => s.p >= OFFER_MODEL.flagAt).map((s) => s.label);
    return likely.length ? likely : signs.slice(0, 1).map((s) => s.label);
  }
}
