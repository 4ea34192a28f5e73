import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { decodeImage, IMAGE_LIMITS, OCR_LONG_SIDE } from '../../src/vision/decodeImage.js';
import { sniffImageType } from '../../src/vision/imageType.js';

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#fff' } });

/** A PNG whose header claims `side`×`side` pixels over a few bytes of data: a decompression bomb. */
function bomb(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(bytes: Buffer): Promise<AppError> {
  const e = await decodeImage(bytes).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('A customer’s picture, before OCR reads it', () => {
  it('When a phone screenshot arrives, then it is decoded upright, scaled for OCR and hashed', async () => {
    const png = await picture(1170, 2532).png().toBuffer();
    const image = await decodeImage(png);
    expect(image).toMatchObject({ type: 'png', width: 1170, height: 2532 });
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    const meta = await sharp(image.png).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(OCR_LONG_SIDE);
  });

  it('When a photo carries EXIF and a location, then what is kept of it has neither', async () => {
    const jpeg = await picture(400, 300)
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'X1' }, IFD3: { GPSLatitude: '31/1 14/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const image = await decodeImage(jpeg);
    expect(image.type).toBe('jpeg');
    const meta = await sharp(image.png).metadata();
    expect(meta.exif).toBeUndefined();
    expect(image.png.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('When WebP arrives, then its bytes say so, whatever it is called', async () => {
    const webp = await picture(64, 64).webp().toBuffer();
    expect(sniffImageType(webp)).toBe('webp');
    expect((await decodeImage(webp)).type).toBe('webp');
  });

  it('When the file is not a picture, then it is refused, naming the types that can be read', async () => {
    const e = await refusal(Buffer.from('%PDF-1.7 this is a document'));
    expect(e.status).toBe(400);
    expect(e.message).toContain('PNG, JPEG and WebP');
  });

  it('When the upload is empty or damaged, then it is refused as such', async () => {
    expect((await refusal(Buffer.alloc(0))).message).toContain('empty');
    const png = await picture(200, 200).png().toBuffer();
    const cut = await refusal(png.subarray(0, 60));
    expect(cut.status).toBe(400);
    expect(cut.message).toMatch(/damaged or incomplete/);
  });

  it('When the upload is over the size limit, then it is refused before it is read', async () => {
    const e = await refusal(Buffer.alloc(IMAGE_LIMITS.maxBytes + 1, 0xff));
    expect(e.status).toBe(413);
    expect(e.message).toContain('MB');
  });

  it('When a small file claims a huge picture (a decompression bomb), then it is refused from its header', async () => {
    const tiny = bomb(60_000);
    expect(tiny.length).toBeLessThan(2000);
    const e = await refusal(tiny);
    expect(e.status).toBe(413);
    expect(e.message).toContain('60000×60000');
  });
});
