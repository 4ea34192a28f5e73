// Screenshot reading: renders pitches from content/pitch-examples.yaml as phone screenshots in
// the system Chromium, then reads them through the OCR worker pool, first one at a time
// (per-picture latency), then all at once (throughput with the pool). Prints p50/p99, pictures
// per second, character accuracy and the RSS the pool adds; writes reports/bench-ocr.json.
// `--images N` (default 24), `--workers N` (default: the pool's size).
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { loadContent } from '../src/knowledge/content.js';
import { OCR_POOL, OcrPool } from '../src/vision/ocrPool.js';
import { readScreenshot } from '../src/vision/readScreenshot.js';
import { characterAccuracy } from '../test/helpers/characterAccuracy.js';
import { LAYOUTS, renderScreenshot } from '../test/helpers/screenshots.js';
import { percentile, rssMiB } from './stats.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = arg('--images', 24);
const workers = arg('--workers', OCR_POOL.size);
const texts = loadContent('content')
  .pitchExamples.filter((e) => e.flags.length && e.text.length <= 120)
  .map((e) => e.text);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
const shots = [];
for (let i = 0; i < count; i++) {
  const text = texts[Math.floor((i * texts.length) / count)] ?? '';
  shots.push(await renderScreenshot(browser, text, LAYOUTS[i % LAYOUTS.length] ?? 'chat'));
}
await browser.close();

const rssBefore = rssMiB();
const pool = new OcrPool({ ...OCR_POOL, size: workers, queueLimit: count, timeoutMs: 120_000 });
const t0 = performance.now();
await readScreenshot(shots[0]?.png ?? Buffer.alloc(0), pool);
const firstMs = performance.now() - t0;
const times: number[] = [];
const accuracy: number[] = [];
for (const s of shots) {
  const t = performance.now();
  const read = await readScreenshot(s.png, pool);
  times.push(performance.now() - t);
  accuracy.push(characterAccuracy(s.visible, read.text));
}
const wall0 = performance.now();
await Promise.all(shots.map((s) => readScreenshot(s.png, pool)));
const perSecond = shots.length / ((performance.now() - wall0) / 1000);
const report = {
  at: new Date().toISOString(),
  images: shots.length,
  workers,
  firstImageMs: Math.round(firstMs),
  p50Ms: Math.round(percentile(times, 50)),
  p99Ms: Math.round(percentile(times, 99)),
  imagesPerSecond: Number(perSecond.toFixed(2)),
  characterAccuracy: Number((accuracy.reduce((a, b) => a + b, 0) / accuracy.length).toFixed(4)),
  rssAddedMiB: Math.round(rssMiB() - rssBefore),
};
await pool.close();
console.log(
  `${report.images} phone screenshots (1170×2532), ${workers} OCR workers:\n` +
    `  first picture (engine start) ${report.firstImageMs} ms\n` +
    `  one at a time: p50 ${report.p50Ms} ms · p99 ${report.p99Ms} ms\n` +
    `  all at once: ${report.imagesPerSecond} pictures/s\n` +
    `  character accuracy ${(report.characterAccuracy * 100).toFixed(1)}% · RSS added ${report.rssAddedMiB} MiB`,
);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench-ocr.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('report: reports/bench-ocr.json');
