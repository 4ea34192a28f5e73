import { type DecodedImage, decodeImage, IMAGE_LIMITS, type ImageLimits } from './decodeImage.js';
import type { OcrLine, OcrPool } from './ocrPool.js';

/** Lines the recogniser is less sure of than this are left out. */
const MIN_LINE_SCORE = 0.5;

/** What a screenshot says, as far as OCR could read it. */
export type ScreenshotText = {
  image: Omit<DecodedImage, 'png'>;
  lines: OcrLine[];
  /**
   * The lines read, top to bottom, as running text: a line that wraps mid-sentence in Chinese is
   * joined without a space, so "不成功不收" + "费" reads as the words it was. Not yet masked.
   */
  text: string;
};

/**
 * A customer's picture, checked and decoded safely, read by the OCR pool.
 * @example const { text } = await readScreenshot(bytes, pool)
 */
export async function readScreenshot(
  bytes: Buffer,
  pool: OcrPool,
  limits: ImageLimits = IMAGE_LIMITS,
): Promise<ScreenshotText> {
  const { png, ...image } = await decodeImage(bytes, limits);
  const lines = (await pool.read(png)).filter((l) => l.text.trim() && l.score >= MIN_LINE_SCORE);
  return { image, lines, text: joinLines(lines.map((l) => l.text.trim())) };
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line;
    const glue = CJK.test(text.at(-1) ?? '') || CJK.test(line[0] ?? '') ? '' : ' ';
    return text + glue + line;
  }, '');
}
