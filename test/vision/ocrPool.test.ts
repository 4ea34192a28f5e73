import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { OCR_POOL, OcrPool } from '../../src/vision/ocrPool.js';

const blank = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
const pools: OcrPool[] = [];
const poolOf = (o: ConstructorParameters<typeof OcrPool>[0]) => {
  const p = new OcrPool(o);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('OCR off the event loop', () => {
  it('When more pictures arrive than may wait, then the extra one is refused with 429 at once', async () => {
    const pool = poolOf({ ...OCR_POOL, size: 1, queueLimit: 2, timeoutMs: 60_000 });
    const png = await blank();
    const reads = [pool.read(png), pool.read(png)];
    const refused = await pool.read(png).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect(await Promise.all(reads)).toEqual([[], []]);
    expect(pool.stats.workers).toBe(1);
  }, 60_000);

  it('When a picture takes longer than the timeout, then it fails with 503 and its stuck worker is let go', async () => {
    const png = await blank();
    const slow = poolOf({ ...OCR_POOL, size: 1, queueLimit: 4, timeoutMs: 1 });
    const e = await slow.read(png).catch((err: unknown) => err);
    expect((e as AppError).status).toBe(503);
    expect((e as AppError).message).toContain('too long');
    expect(slow.stats).toEqual({ workers: 0, busy: 0, queued: 0 });
  }, 60_000);

  it('When the event loop is measured while OCR reads, then it stays free', async () => {
    const pool = poolOf({ ...OCR_POOL, size: 1, queueLimit: 4, timeoutMs: 60_000 });
    const png = await sharp({ create: { width: 1170, height: 1280, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    let worst = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    await pool.read(png);
    clearInterval(tick);
    expect(worst).toBeLessThan(250);
  }, 60_000);

  it('When the pool is closed, then waiting pictures fail and no new one is taken', async () => {
    const pool = poolOf({ ...OCR_POOL, size: 1, queueLimit: 4, timeoutMs: 60_000 });
    const png = await blank();
    const waiting = pool.read(png).catch((e: unknown) => e);
    await pool.close();
    expect(((await waiting) as AppError).status).toBe(503);
    expect(((await pool.read(png).catch((e: unknown) => e)) as AppError).status).toBe(503);
  }, 60_000);
});
