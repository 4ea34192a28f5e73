import { z } from 'zod';
import { RedFlagFinder } from '../bot/redFlagFinder.js';
import { repliesFor } from '../bot/replies/repliesFor.js';
import type { KnowledgeIndex } from '../knowledge/knowledgeIndex.js';
import { normalize } from '../knowledge/normalize.js';
import type { EvalCase } from './evalSet.js';
import type { RealItem } from './realCorpus.js';
import { runPipeline } from './runPipeline.js';

const pitchExpect = z.object({ scam: z.boolean(), flags: z.array(z.string()) });

export type PitchSummary = {
  scams: number;
  /** Scam pitches with at least one red flag found. */
  flagged: number;
  /** Scam pitches with every labelled red flag found. */
  allFlags: number;
  legit: number;
  /** Legitimate look-alikes given a red flag. */
  falseFlags: number;
  /** Scam pitches pasted into a conversation ("is this legit?") whose reply named no red flag. */
  pastedUnflagged: number;
  /** …and whose reply said it found no warning signs: the false all-clear. */
  allClear: number;
  misses: { id: string; text: string; why: string }[];
};

/** How a customer pastes a pitch to have it checked. */
const ASK = { 'zh-CN': '帮我看看这个靠谱吗：', en: 'Is this legit? ' } as const;

/**
 * Judges the offer checker on a pitch corpus twice: the red-flag finder on each text alone, and
 * the whole pipeline on each scam pitch pasted into a fresh conversation, where a reply without
 * a red flag is the false all-clear this product must never give.
 */
export async function evalPitches(
  knowledge: KnowledgeIndex,
  items: readonly RealItem[],
): Promise<PitchSummary> {
  const finder = RedFlagFinder.learn(knowledge.content, knowledge.tokenizer);
  const s: PitchSummary = {
    scams: 0,
    flagged: 0,
    allFlags: 0,
    legit: 0,
    falseFlags: 0,
    pastedUnflagged: 0,
    allClear: 0,
    misses: [],
  };
  const pasted: EvalCase[] = [];
  items.forEach((item, i) => {
    const expect = pitchExpect.parse(item.expect);
    const id = item.id ?? `pitch-${i}`;
    const found = finder.find(normalize(item.text), 'offer');
    const miss = (why: string) => s.misses.push({ id, text: item.text, why });
    if (!expect.scam) {
      s.legit++;
      if (found.length) {
        s.falseFlags++;
        miss(`legitimate text flagged ${found.join(',')}`);
      }
      return;
    }
    s.scams++;
    if (found.length) s.flagged++;
    else miss('no red flag found');
    const missing = expect.flags.filter((f) => !found.includes(f));
    if (!missing.length) s.allFlags++;
    else if (found.length) miss(`missed ${missing.join(',')} (found ${found.join(',')})`);
    pasted.push({
      id,
      text: `${ASK[item.locale]}${item.text}`,
      locale: item.locale,
      expect: { topics_any: [], intent_any: [] },
      file: 'pitches',
      line: i + 1,
    });
  });
  const run = await runPipeline(knowledge, pasted);
  for (const j of run.judged)
    if (!j.got.redFlags.length) {
      s.pastedUnflagged++;
      if (j.got.reply.includes(repliesFor(j.case.locale ?? 'zh-CN').checkVerdict.none)) s.allClear++;
      s.misses.push({
        id: j.case.id,
        text: j.case.text,
        why: `pasted: intent ${j.got.intent}, no red flag named`,
      });
    }
  return s;
}
