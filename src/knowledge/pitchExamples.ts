import { z } from 'zod';

const example = z
  .object({
    /** A published pitch, or a legitimate text that looks like one, verbatim. */
    text: z.string().trim().min(4).max(2000),
    /** The page it was published on. */
    source: z.string().url(),
    /** The red flags a reviewer sees in it (ids of red-flags.yaml); none for a legitimate text. */
    flags: z.array(z.string().regex(/^[a-z]+(-[a-z]+)*$/)),
  })
  .strict();
export type PitchExample = z.infer<typeof example>;

/**
 * `content/pitch-examples.yaml`: real pitches and legitimate look-alikes, labelled, from which the
 * offer checker learns the warning signs its cue lists do not spell out.
 */
export const pitchExamplesFileSchema = z.object({ examples: z.array(example) }).strict();
