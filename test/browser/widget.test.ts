import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { buildWidget } from '../../scripts/build-widget.mjs';
import { ask, beforeSteps, expectAccessible, openPage, screenshot, step } from '../helpers/browser.js';
import { type Running, startServer } from '../helpers/server.js';

// The web widget in real Chromium against the real app: a customer's visit to the demo bank page.

/** The few browser globals the page-side snippets touch (this project has no DOM types). */
type PageElement = {
  shadowRoot: { activeElement: PageElement | null } | null;
  matches(selector: string): boolean;
  getAttribute(name: string): string | null;
  textContent: string | null;
};
type PageWindow = {
  document: { querySelector(selector: string): PageElement | null };
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  getComputedStyle(element: unknown): { fontSize: string };
  pwned?: number;
};

let s: Running;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The widget's parts, found as a customer (or a screen reader) finds them: by role and name. */
const launcher = (p: Page) => p.getByRole('button', { name: /在线咨询|Chat with us/ });
const dialog = (p: Page) => p.getByRole('dialog');
const input = (p: Page) => p.locator('.anxin-input');
const botAnswers = (p: Page) => p.locator('.anxin-msg--bot');
const customerLines = (p: Page) => p.locator('.anxin-msg--customer .anxin-bubble');

/** Whether the element the locator finds has focus (inside the widget's shadow root). */
const focused = (p: Page, selector: string) =>
  p.evaluate((sel) => {
    const host = (globalThis as unknown as PageWindow).document.querySelector('.anxin-host');
    return host?.shadowRoot?.activeElement?.matches(sel) === true;
  }, selector);

describe('the web chat widget on the demo bank page', () => {
  beforeSteps(async (launched) => {
    browser = launched;
    const built = await buildWidget();
    expect(built.withinBudget, `widget is ${built.gzipBytes} bytes gzipped`).toBe(true);
    s = await startServer();
    ({ ctx: context, p: page } = await openPage(browser));
  });

  afterAll(async () => {
    await context?.close();
    await s?.stop();
  });

  step(
    'When a customer opens the demo page and the launcher, then the chat greets them with the privacy notice and focus is in the text box',
    async () => {
      await page.goto(`${s.base}/`);
      await expect.poll(() => page.title()).toContain('示例银行');
      await expect.poll(() => page.getByText('这是演示页面').count()).toBe(1);
      await launcher(page).click();
      await dialog(page).waitFor();
      expect(await dialog(page).getAttribute('aria-label')).toBe('安心助手');
      await page.getByText('您好，我是安心助手').waitFor();
      await page.getByText('请不要在聊天里发送身份证号、银行卡号、密码或验证码').waitFor();
      expect(await focused(page, '.anxin-input')).toBe(true);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    },
  );

  step(
    'When they ask "停息挂账靠谱吗", then a typing indicator shows, and a cited answer with suggested actions is shown and announced',
    async () => {
      // Hold the turn a moment so the indicator can be seen.
      await page.route('**/api/v1/conversations/*/messages', async (route) => {
        if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 600));
        await route.continue();
      });
      await input(page).fill('停息挂账靠谱吗');
      await input(page).press('Enter');
      await page.getByText('安心助手正在回复…').waitFor();
      const answer = botAnswers(page).last();
      await answer.locator('.anxin-cite').first().waitFor({ timeout: 20_000 });
      await page.unroute('**/api/v1/conversations/*/messages');

      expect(await customerLines(page).last().textContent()).toBe('停息挂账靠谱吗');
      expect(await answer.locator('.anxin-cite').first().textContent()).toMatch(
        /^依据：《.+》 · 审核于 \d{4}-\d{2}-\d{2}$/,
      );
      expect(await answer.locator('.anxin-bubble').textContent()).toContain('个性化分期');
      expect(await answer.locator('.anxin-actions button').count()).toBeGreaterThan(0);
      expect(await page.getByText('安心助手正在回复…').isVisible()).toBe(false);
      await expect
        .poll(() => page.locator('[aria-live="polite"]').textContent())
        .toContain('安心助手：“停息挂账”');
    },
  );

  step('When they say an answer helped, then the button shows it and the feedback is stored', async () => {
    const answer = botAnswers(page).last();
    const helpful = answer.getByRole('button', { name: '有帮助' });
    await helpful.click();
    await expect.poll(() => helpful.getAttribute('aria-pressed')).toBe('true');
    await answer.getByText('谢谢您的反馈').waitFor();
    const { conversationId } = JSON.parse(
      (await page.evaluate(() =>
        (globalThis as unknown as PageWindow).localStorage.getItem('anxin:session'),
      )) as string,
    );
    const stored = await s.app.stores.feedback.list(conversationId);
    expect(stored.map((f) => f.helpful)).toEqual([true]);
  });

  step(
    'When they click a suggested action, then it is sent as their message and the next answer arrives',
    async () => {
      const action = botAnswers(page).last().locator('.anxin-actions button').first();
      const title = (await action.textContent()) ?? '';
      const before = await botAnswers(page).count();
      await action.click();
      await expect.poll(() => botAnswers(page).count(), { timeout: 20_000 }).toBe(before + 1);
      expect((await customerLines(page).last().textContent())?.length).toBeGreaterThan(0);
      expect(title.length).toBeGreaterThan(0);
      // Only the latest answer offers actions.
      expect(
        await botAnswers(page)
          .nth(before - 1)
          .locator('.anxin-actions')
          .count(),
      ).toBe(0);
    },
  );

  step('When they type HTML, then it is shown as text, never run', async () => {
    await ask(page, '<img src=x onerror="globalThis.pwned=1"><b>停息挂账</b>');
    expect(await customerLines(page).last().textContent()).toContain('<b>停息挂账</b>');
    expect(await page.locator('.anxin-msg--customer img, .anxin-msg--customer b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).pwned)).toBeUndefined();
  });

  step(
    'When they type a mistyped card number, then their own line shows it masked as soon as the bot answers',
    async () => {
      // 19 digits failing Luhn: masked all the same, and never shown in full, not even before a reload.
      await ask(page, '我的卡号6222021234567890129被盗刷了怎么办');
      await expect
        .poll(() => customerLines(page).last().textContent())
        .toBe('我的卡号6222************129被盗刷了怎么办');
      expect(await page.locator('.anxin-bubble', { hasText: '6222021234567890129' }).count()).toBe(0);
    },
  );

  step('When the page is reloaded, then the chat reopens with the transcript restored', async () => {
    const lines = await page.locator('.anxin-bubble').allTextContents();
    await page.reload();
    await dialog(page).waitFor();
    await page.getByText('停息挂账靠谱吗', { exact: true }).waitFor();
    await expect.poll(() => page.locator('.anxin-bubble').allTextContents()).toEqual(lines);
    expect(await page.locator('.anxin-cite').count()).toBeGreaterThan(0);
    // Feedback given before the reload is still shown.
    expect(await botAnswers(page).locator('button[aria-pressed="true"]', { hasText: '有帮助' }).count()).toBe(
      1,
    );
    // The privacy notice was seen once; it is not shown again after "知道了".
    await page.getByRole('button', { name: '知道了' }).click();
    await page.reload();
    await dialog(page).waitFor();
    expect(await page.getByText('请不要在聊天里发送身份证号').count()).toBe(0);
  });

  step(
    'When they switch to English and ask in English, then the widget and the answer are in English',
    async () => {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('textbox', { name: 'Type your question' }).waitFor();
      expect(await page.locator('.anxin-root').getAttribute('lang')).toBe('en');
      await ask(page, 'Can someone repair my credit report for a fee?');
      const answer = botAnswers(page).last();
      expect(await answer.locator('.anxin-cite').first().textContent()).toMatch(
        /^Source: ".+" · reviewed \d{4}-/,
      );
      expect(await answer.locator('.anxin-bubble').textContent()).toMatch(/credit report/i);
      expect(await answer.getByRole('button', { name: 'Helpful', exact: true }).count()).toBe(1);
    },
  );

  step('When they turn on large text, then the text grows and stays large after a reload', async () => {
    const size = () =>
      page
        .locator('.anxin-root')
        .evaluate((e) => (globalThis as unknown as PageWindow).getComputedStyle(e).fontSize as string);
    expect(await size()).toBe('16px');
    const toggle = page.getByRole('button', { name: /^Large text/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBe('20px');
    await page.reload();
    await dialog(page).waitFor();
    expect(await size()).toBe('20px');
    expect(await page.getByRole('button', { name: /^Large text/ }).getAttribute('aria-pressed')).toBe('true');
  });

  step(
    'When they press "Talk to a person", then the handoff state is shown and the bot says what happens next',
    async () => {
      const before = await botAnswers(page).count();
      await page.getByRole('button', { name: 'Talk to a person' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
        .toMatch(/Connecting you to a person/);
      await expect.poll(() => botAnswers(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    },
  );

  step(
    'When they press Esc, then the chat closes and focus returns to the launcher; every control is reachable by Tab',
    async () => {
      await input(page).focus();
      await page.keyboard.press('Escape');
      expect(await dialog(page).isVisible()).toBe(false);
      expect(await focused(page, '.anxin-launcher')).toBe(true);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      await dialog(page).waitFor();
      expect(await focused(page, '.anxin-input')).toBe(true);
      const names = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const a = (globalThis as unknown as PageWindow).document.querySelector('.anxin-host')?.shadowRoot
            ?.activeElement;
          return a ? (a.getAttribute('aria-label') ?? a.textContent ?? '').trim() : '';
        });
        if (name) names.add(name);
      }
      for (const n of ['中文', 'Large text', 'Close', 'Talk to a person', 'Send']) {
        expect(
          [...names].some((x) => x.includes(n)),
          `${n} in ${[...names].join(' | ')}`,
        ).toBe(true);
      }
    },
  );

  step(
    'When the widget is open on a phone and on a desktop, then axe finds no serious or critical problems, and screenshots are written',
    async () => {
      for (const [width, height] of [
        [360, 740],
        [1280, 800],
      ] as const) {
        const { ctx, p } = await openPage(browser, { width, height });
        await p.goto(`${s.base}/`);
        await launcher(p).click();
        await dialog(p).waitFor();
        await p.getByText('您好，我是安心助手').waitFor();
        await ask(p, '停息挂账靠谱吗');
        await botAnswers(p).last().locator('.anxin-cite').first().waitFor();
        const box = await dialog(p).boundingBox();
        if (width === 360) expect(box).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
        await expectAccessible(p);
        await screenshot(p, `widget-${width}`, width === 360 ? 'widget-360.png' : undefined);
        await ctx.close();
      }
    },
  );

  step(
    'When the server cannot be reached, then a clear message offers a retry and the official hotline, and retry recovers',
    async () => {
      const { ctx, p } = await openPage(browser);
      await p.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
      await p.goto(`${s.base}/`);
      await launcher(p).click();
      const alert = p.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('暂时连不上安心助手');
      expect(await alert.textContent()).toContain('银行官方客服热线');
      expect(await alert.textContent()).not.toMatch(/[{}]|Error|\b50\d\b/);
      await p.unroute('**/api/v1/**');
      await alert.getByRole('button', { name: '重试' }).click();
      await p.getByText('您好，我是安心助手').waitFor();
      expect(await alert.textContent()).toBe('');
      await ctx.close();
    },
  );

  step(
    'When the bank says "too many messages" (429), then the customer is asked to wait and the message goes out after Retry-After',
    async () => {
      const { ctx, p } = await openPage(browser);
      await p.goto(`${s.base}/`);
      await launcher(p).click();
      await p.getByText('您好，我是安心助手').waitFor();
      const ids: string[] = [];
      let limited = false;
      await p.route('**/api/v1/conversations/*/messages', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        ids.push(JSON.parse(route.request().postData() ?? '{}').clientMessageId);
        if (limited) return route.continue();
        limited = true;
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': '1', 'Content-Type': 'application/json' },
          body: JSON.stringify({ error: { code: 'rate-limited', message: 'too many requests' } }),
        });
      });
      const before = await botAnswers(p).count();
      await input(p).fill('征信修复靠谱吗');
      await input(p).press('Enter');
      await expect.poll(() => p.getByRole('status').textContent()).toContain('请等 1 秒');
      await expect.poll(() => botAnswers(p).count(), { timeout: 20_000 }).toBe(before + 1);
      expect(ids).toHaveLength(2);
      expect(ids[0]).toBe(ids[1]);
      await ctx.close();
    },
  );

  step('When the saved token is rejected, then a new conversation starts without an error', async () => {
    const { ctx, p } = await openPage(browser);
    await p.goto(`${s.base}/`);
    await p.evaluate(() =>
      (globalThis as unknown as PageWindow).localStorage.setItem(
        'anxin:session',
        JSON.stringify({
          conversationId: 'not-a-conversation',
          token: 'forged',
          expiresAt: '2999-01-01T00:00:00Z',
          locale: 'zh-CN',
        }),
      ),
    );
    await p.reload();
    await launcher(p).click();
    await p.getByText('您好，我是安心助手').waitFor();
    expect(await p.getByRole('alert').textContent()).toBe('');
    const saved = JSON.parse(
      (await p.evaluate(() =>
        (globalThis as unknown as PageWindow).localStorage.getItem('anxin:session'),
      )) as string,
    );
    expect(saved.conversationId).not.toBe('not-a-conversation');
    await ctx.close();
  });
});
