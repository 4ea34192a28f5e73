import { z } from 'zod';
import { cueSchema } from './cues.js';
import { LOCALES, type Locale } from './locale.js';

const flagText = z
  .object({
    name: z.string().trim().min(2).max(40),
    explain: z.string().trim().min(8).max(240),
    cues: z.array(cueSchema).min(1),
    /**
     * Cues that hold only for text quoted as someone else's offer (a pasted advert): they would
     * misfire on a customer's own question ("停息挂账靠谱吗"), so triage never reads them there.
     */
    offerCues: z.array(cueSchema).optional(),
    /** An offer that speaks as the bank or a regulator ("致电我行客服申请分期") fires no offer cue… */
    officialVoice: z.array(cueSchema).optional(),
    /** …unless it also speaks as an agency ("我们团队帮您"). */
    agencyVoice: z.array(cueSchema).optional(),
  })
  .strict();
export type RedFlagText = z.infer<typeof flagText>;

const redFlag = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'must be lowercase words joined by dashes'),
    ...(Object.fromEntries(LOCALES.map((l) => [l, flagText])) as Record<Locale, typeof flagText>),
  })
  .strict();
export type RedFlag = z.infer<typeof redFlag>;

/** `content/red-flags.yaml`: the warning signs the offer checker finds in a quoted offer. */
export const redFlagsFileSchema = z.object({ redFlags: z.array(redFlag).min(1) }).strict();
