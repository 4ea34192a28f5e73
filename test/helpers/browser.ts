import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
// research/stack.md §2.7
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const MISSING = 'chromium is missing: apt-get install -y chromium fonts-wqy-microhei';
const SHOTS = 'reports/screenshots';

type AxeWindow = { document: unknown; axe: { run(context: unknown, options: unknown): Promise<unknown> } };
type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown }[] };

const hasChromium = () => existsSync(CHROMIUM);

/**
 * The suite's set-up for its `step`s: launches the system Chromium, hands it to `setUp`, and closes
 * it after the tests. Where Chromium is missing it does nothing, so that each step fails saying so.
 */
export function beforeSteps(setUp: (browser: Browser) => Promise<void>): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasChromium()) return;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    await setUp(browser);
  }, 120_000);
  afterAll(() => browser?.close());
}

/** A test that fails, and does not skip, when the browser is missing (a failed hook would only skip it). */
export function step(name: string, run: () => Promise<void>): void {
  it(name, async () => {
    if (!hasChromium()) throw new Error(MISSING);
    await run();
  });
}

/** A new context and page, in Chinese, that fail a step well before the test's own timeout. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<{ ctx: BrowserContext; p: Page }> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN' });
  ctx.setDefaultTimeout(10_000);
  return { ctx, p: await ctx.newPage() };
}

/** Types a question into the open widget and waits for the bot's next answer. */
export async function ask(p: Page, text: string): Promise<void> {
  const answers = p.locator('.anxin-msg--bot');
  const before = await answers.count();
  await p.locator('.anxin-input').fill(text);
  await p.locator('.anxin-input').press('Enter');
  await expect.poll(() => answers.count(), { timeout: 20_000 }).toBeGreaterThan(before);
}

/** Saves the page to reports/screenshots/<name>.png and, given `docs`, copies it to docs/<docs>. */
export async function screenshot(p: Page, name: string, docs?: string): Promise<void> {
  const file = `${SHOTS}/${name}.png`;
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: file });
  // The README's pictures are tracked: a test run refreshes them only when asked (UPDATE_DOCS=1).
  if (!docs || process.env.UPDATE_DOCS !== '1') return;
  mkdirSync('docs', { recursive: true });
  copyFileSync(file, `docs/${docs}`);
}

/** Fails the test, listing them, when axe finds serious or critical WCAG 2.1 AA problems on the page. */
export async function expectAccessible(p: Page): Promise<void> {
  const violations = await axeViolations(p);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function axeViolations(p: Page): Promise<AxeViolation[]> {
  // Through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses inline scripts.
  await p.evaluate(readFileSync(AXE, 'utf8'));
  const result = (await p.evaluate(() =>
    (globalThis as unknown as AxeWindow).axe.run((globalThis as unknown as AxeWindow).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (vs: AxeViolation[]) =>
  vs
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)
    .join('\n');
