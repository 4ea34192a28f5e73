import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { RedFlagFinder } from '../../src/bot/redFlagFinder.js';
import { normalize } from '../../src/knowledge/normalize.js';
import { OCR_POOL, OcrPool } from '../../src/vision/ocrPool.js';
import { readScreenshot } from '../../src/vision/readScreenshot.js';
import { knowledgeOf } from '../helpers/bot.js';
import { beforeSteps, step } from '../helpers/browser.js';
import { characterAccuracy } from '../helpers/characterAccuracy.js';
import { LAYOUTS, renderScreenshot } from '../helpers/screenshots.js';

// Real pitches (content/pitch-examples.yaml, every few of them) and everyday pictures, rendered
// by Chromium as phone screenshots; bounded to 30 so that OCR stays well under a minute in CI.
const BENIGN = [
  '周末一起去公园野餐吧，记得带水果和垫子',
  '妈妈，我到学校了，晚上给你打电话',
  '本周六上午九点社区开展义诊活动，欢迎居民参加',
  '今天的会议改到下午三点，地点不变',
  'Dinner is at seven, see you there',
];

type Shot = {
  text: string;
  scam: boolean;
  layout: string;
  accuracy: number;
  read: string;
  /** Red flags in the text read from the picture, and in the same text typed. */
  flags: string[];
  typed: string[];
};

describe('Reading a screenshot: real pitches as customers receive them', () => {
  const shots: Shot[] = [];
  const pool = new OcrPool({ ...OCR_POOL, queueLimit: 40, timeoutMs: 60_000 });
  let finder: RedFlagFinder;
  let texts: { text: string; scam: boolean }[] = [];

  beforeAll(async () => {
    const knowledge = await knowledgeOf();
    finder = RedFlagFinder.learn(knowledge.content, knowledge.tokenizer);
    const pitches = knowledge.content.pitchExamples.filter((e) => e.flags.length && e.text.length <= 120);
    const zh = pitches.filter((e) => /\p{Script=Han}/u.test(e.text) && e.text.length >= 12);
    const en = pitches.filter((e) => !/\p{Script=Han}/u.test(e.text) && e.text.length >= 20);
    const every = <T>(xs: T[], n: number) =>
      Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / n)] as T);
    texts = [
      ...every(zh, 22).map((e) => ({ text: e.text, scam: true })),
      ...every(en, 3).map((e) => ({ text: e.text, scam: true })),
      ...BENIGN.map((text) => ({ text, scam: false })),
    ];
  }, 120_000);
  afterAll(() => pool.close());

  beforeSteps(async (browser: Browser) => {
    const rendered = await Promise.all(
      texts.map(async (t, i) => {
        const layout = LAYOUTS[i % LAYOUTS.length] ?? 'chat';
        return { ...t, layout, ...(await renderScreenshot(browser, t.text, layout)) };
      }),
    );
    await Promise.all(
      rendered.map(async (r) => {
        const { text } = await readScreenshot(r.png, pool);
        shots.push({
          text: r.text,
          scam: r.scam,
          layout: r.layout,
          read: text,
          accuracy: characterAccuracy(r.visible, text),
          flags: finder.find(normalize(text), 'offer'),
          typed: finder.find(normalize(r.text), 'offer'),
        });
      }),
    );
  });

  step('When 30 screenshots are read, then OCR gets at least 95% of their characters right', async () => {
    expect(shots.length).toBe(30);
    const mean = shots.reduce((s, x) => s + x.accuracy, 0) / shots.length;
    const worst = [...shots].sort((a, b) => a.accuracy - b.accuracy).slice(0, 3);
    expect(mean, JSON.stringify(worst, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  step('When a pitch arrives as a screenshot, then it is flagged as it would be typed', async () => {
    const scams = shots.filter((s) => s.scam);
    expect(scams.length).toBe(25);
    // What the checker finds in a pitch's typed words, it finds in a picture of them.
    const lost = scams.filter((s) => s.typed.length && !s.flags.length);
    expect(lost.map((s) => `${s.layout}: ${s.read}`)).toEqual([]);
    // The checker itself misses one of these pitches, typed or not (see README, "The offer checker").
    expect(scams.filter((s) => !s.flags.length).length).toBeLessThanOrEqual(1);
  });
}, 300_000);
