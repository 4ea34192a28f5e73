import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { type ImageType, sniffImageType } from './imageType.js';

/** What a picture may be before it is decoded at all. */
export type ImageLimits = { maxBytes: number; maxPixels: number; maxSide: number };
export const IMAGE_LIMITS: ImageLimits = { maxBytes: 8 * 2 ** 20, maxPixels: 40_000_000, maxSide: 12_000 };

/** OCR reads a picture scaled to this long side at most: phone text stays legible, memory bounded. */
export const OCR_LONG_SIDE = 960;

/** A picture checked, decoded, turned upright and re-encoded without its metadata. */
export type DecodedImage = {
  type: ImageType;
  width: number;
  height: number;
  /** SHA-256 of the bytes as received: what is kept of a picture by default. */
  sha256: string;
  /** PNG, at most OCR_LONG_SIDE on its long side, no EXIF, no location. */
  png: Buffer;
};

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;

/**
 * Checks a customer's picture before any pixel is decoded (size, type by its bytes, dimensions
 * from its header, so a decompression bomb is refused), then decodes it with the same pixel limit.
 * Every refusal is an AppError naming the problem.
 * @example const image = await decodeImage(bytes) // image.png is what OCR reads
 */
export async function decodeImage(bytes: Buffer, limits: ImageLimits = IMAGE_LIMITS): Promise<DecodedImage> {
  if (!bytes.length) throw new AppError('bad_request:image', 'The picture is empty.');
  if (bytes.length > limits.maxBytes)
    throw new AppError(
      'too_large:image',
      `The picture is ${mib(bytes.length)}; at most ${mib(limits.maxBytes)} can be read.`,
    );
  const type = sniffImageType(bytes);
  if (!type)
    throw new AppError('bad_request:image', 'Only PNG, JPEG and WebP pictures can be read; this is not one.');
  const options = { limitInputPixels: limits.maxPixels, failOn: 'error' as const };
  // The header alone: no pixel is decoded here, so the pixel limit is applied to what it says.
  const meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' })
    .metadata()
    .catch((cause) => {
      throw new AppError('bad_request:image', 'The picture could not be read: it is damaged or incomplete.', {
        cause,
      });
    });
  const { width = 0, height = 0 } = meta;
  if (meta.format !== type)
    throw new AppError('bad_request:image', `The picture's contents are not the ${type} its header says.`);
  if (!width || !height || width * height > limits.maxPixels || Math.max(width, height) > limits.maxSide)
    throw new AppError(
      'too_large:image',
      `The picture is ${width}×${height} pixels; at most ${limits.maxSide} on a side and ${limits.maxPixels / 1e6} million in all.`,
    );
  const png = await sharp(bytes, options)
    .rotate()
    .resize({ width: OCR_LONG_SIDE, height: OCR_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer()
    .catch((cause) => {
      throw new AppError(
        'bad_request:image',
        'The picture could not be decoded: it is damaged or incomplete.',
        {
          cause,
        },
      );
    });
  return { type, width, height, sha256: createHash('sha256').update(bytes).digest('hex'), png };
}
