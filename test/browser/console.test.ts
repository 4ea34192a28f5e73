import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { buildConsole } from '../../scripts/build-console.mjs';
import { buildWidget } from '../../scripts/build-widget.mjs';
import { addAgent, PASSWORD } from '../helpers/agents.js';
import { ask, beforeSteps, expectAccessible, openPage, screenshot, step } from '../helpers/browser.js';
import { type Running, startServer } from '../helpers/server.js';

// The agent console in real Chromium against the real app: a customer in the widget (page A) asks
// for a person; an agent in the console (page B) takes the case, answers, and hands it back.

/** The few browser globals the page-side snippets touch (this project has no DOM types). */
type PageWindow = {
  document: {
    activeElement: { id: string; tagName: string; textContent: string | null } | null;
    documentElement: { lang: string };
  };
  localStorage: { getItem(key: string): string | null };
};

let s: Running;
let browser: Browser;
let contexts: BrowserContext[] = [];
let customer: Page;
let agent: Page;
let conversationId = '';

const botAnswers = (p: Page) => p.locator('.anxin-msg--bot');
const widgetInput = (p: Page) => p.locator('.anxin-input');
const caseCard = (p: Page) => p.locator(`.ac-card[data-case="web:${conversationId}"]`);
const transcript = (p: Page) => p.locator('.ac-transcript');

async function freshPage(): Promise<Page> {
  const { ctx, p } = await openPage(browser);
  contexts.push(ctx);
  return p;
}

/** Log in with the keyboard: type, Tab, type, Enter. */
async function logIn(p: Page, username: string, password: string): Promise<void> {
  await p.getByLabel('用户名').fill(username);
  await p.keyboard.press('Tab');
  await p.keyboard.type(password);
  await p.keyboard.press('Enter');
}

describe('the agent console, with a customer in the widget', () => {
  beforeSteps(async (launched) => {
    browser = launched;
    await buildWidget();
    const built = await buildConsole();
    expect(built.withinBudget, `console is ${built.gzipBytes} bytes gzipped`).toBe(true);
    s = await startServer();
    await addAgent(s, 'wang', 'agent', { displayName: '王芳', staffNumber: '1024' });
    customer = await freshPage();
    agent = await freshPage();
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    contexts = [];
    await s?.stop();
  });

  step(
    'When a customer tells the bot about an agency and asks for a person, then they are queued',
    async () => {
      await customer.goto(`${s.base}/`);
      await customer.getByRole('button', { name: /在线咨询/ }).click();
      await customer.getByText('您好，我是安心助手').waitFor();
      await ask(customer, '中介让我交3000押金 说能停息挂账');
      await customer.getByRole('button', { name: '转人工客服' }).click();
      await expect
        .poll(() => customer.getByRole('status').textContent(), { timeout: 20_000 })
        .toMatch(/正在为您转接人工客服/);
      conversationId = JSON.parse(
        (await customer.evaluate(() =>
          (globalThis as unknown as PageWindow).localStorage.getItem('anxin:session'),
        )) as string,
      ).conversationId;
      expect(conversationId).toBeTruthy();
    },
  );

  step('When an agent mistypes the password, then the console says so plainly', async () => {
    await agent.goto(`${s.base}/console/`);
    await agent.getByRole('heading', { name: '客服登录' }).waitFor();
    expect(await agent.title()).toBe('安心 · 人工客服工作台');
    await logIn(agent, 'wang', 'not the password');
    await expect.poll(() => agent.locator('#ac-login-error').textContent()).toContain('用户名或密码不正确');
    await expectAccessible(agent);
  });

  step(
    'When the agent logs in, then the waiting case shows with its summary, a ticking wait and the risk in words',
    async () => {
      await logIn(agent, 'wang', PASSWORD);
      await agent.getByRole('heading', { name: /^等待接入（\d+）$/ }).waitFor();
      await caseCard(agent).waitFor();
      const card = caseCard(agent);
      expect(await card.textContent()).toContain('客户要求转人工');
      expect(await card.locator('.ac-risk').textContent()).toMatch(/风险$/);
      expect(await card.textContent()).toContain('先收费');
      expect(await card.textContent()).toContain('第 1 位');
      expect(await card.textContent()).toContain('意图：要求转人工');
      const waited = card.locator('.ac-waited');
      const first = await waited.textContent();
      await expect.poll(() => waited.textContent(), { timeout: 5_000 }).not.toBe(first);
      expect(await agent.getByText('已登录：wang').count()).toBe(1);
      await expectAccessible(agent);
      await screenshot(agent, 'console-queue');
    },
  );

  step(
    'When the agent takes the case with the keyboard, then the case view opens and the customer is told a person joined',
    async () => {
      await caseCard(agent)
        .getByRole('button', { name: /^接入 / })
        .focus();
      await agent.keyboard.press('Enter');
      await agent.getByRole('heading', { name: /^会话 网页 · / }).waitFor();
      expect(
        await agent.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id),
      ).toBe('ac-case-h');
      const summary = agent.locator('.ac-summary');
      expect(await summary.textContent()).toContain('客户要求转人工');
      expect(await summary.textContent()).toContain('先收费');
      expect(await summary.textContent()).toContain('中文');
      // Intent and topics by name, in the agent's language: no ids like request-human or human-agent.
      expect(await summary.locator('dt:text("意图") + dd').textContent()).toBe('要求转人工');
      expect(await summary.locator('.ac-topics li').allTextContents()).toContain('转人工客服');
      expect(await summary.textContent()).not.toMatch(/[a-z]+-[a-z]+/);
      expect(await transcript(agent).locator('.ac-line--customer').first().textContent()).toContain('押金');
      expect(await transcript(agent).locator('.ac-line--bot').count()).toBeGreaterThan(0);
      await expect.poll(() => agent.locator('[aria-live="polite"]').textContent()).toContain('已接入会话');
      // The queue lists it as the agent's own now.
      await agent.getByRole('heading', { name: '我的会话（1）' }).waitFor();

      // The customer is told her display name and staff number, never her login (wang).
      await customer
        .locator('.anxin-msg--system')
        .filter({ hasText: '人工客服 王芳 已接入' })
        .waitFor({ timeout: 10_000 });
      await expect
        .poll(() => customer.getByRole('status').textContent())
        .toBe('人工客服 王芳（工号 1024） 已接入，请直接说明您的情况。');
      expect(await customer.locator('.anxin-panel').textContent()).not.toContain('wang');
    },
  );

  step('When the agent picks a canned answer and sends it, then the customer sees it live', async () => {
    // The knowledge base's answers for the case's topics are offered by title, in the customer's language.
    const kb = agent
      .locator('.ac-reply-area h4', { hasText: '知识库答复' })
      .locator('xpath=following-sibling::ul[1]');
    expect(await kb.getByRole('button').count()).toBeGreaterThan(0);
    await agent.getByRole('button', { name: /^请先不要再向中介付款/ }).click();
    const box = agent.getByLabel('回复内容');
    expect(await box.inputValue()).toMatch(/^请先不要再向中介付款/);
    expect(await agent.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id)).toBe(
      'ac-reply',
    );
    await box.press('End');
    await agent.keyboard.type(' 我是客服小王。');
    await box.press('Enter');
    await transcript(agent).locator('.ac-line--agent', { hasText: '我是客服小王' }).waitFor();
    expect(await box.inputValue()).toBe('');
    await customer
      .locator('.anxin-msg--agent .anxin-bubble', { hasText: '我是客服小王' })
      .waitFor({ timeout: 10_000 });
  });

  step(
    'When the customer writes again, then the bot stays silent and the message appears live in the console',
    async () => {
      const before = await botAnswers(customer).count();
      const answered = customer.waitForResponse(
        (r) =>
          r.url().endsWith(`/conversations/${conversationId}/messages`) && r.request().method() === 'POST',
      );
      await widgetInput(customer).fill('我已经付了3000 还能要回来吗');
      await widgetInput(customer).press('Enter');
      expect((await (await answered).json()).messages).toEqual([]);
      await transcript(agent).locator('.ac-line--customer', { hasText: '我已经付了3000' }).waitFor();
      await expect
        .poll(() => agent.locator('[aria-live="polite"]').textContent())
        .toContain('客户：我已经付了3000');
      await new Promise((r) => setTimeout(r, 500));
      expect(await botAnswers(customer).count()).toBe(before);

      await expectAccessible(agent);
      await screenshot(agent, 'console-case', 'console.png');
    },
  );

  step(
    'When the agent releases with an outcome, then the customer is told and the bot answers the next question with a source',
    async () => {
      // Every control of the case is reachable with Tab from the reply box, in a sensible order.
      await agent.getByLabel('回复内容').focus();
      const reached: string[] = [];
      for (let i = 0; i < 30; i++) {
        await agent.keyboard.press('Tab');
        reached.push(
          await agent.evaluate(() => {
            const a = (globalThis as unknown as PageWindow).document.activeElement;
            return a ? `${a.tagName}:${a.id || (a.textContent ?? '').slice(0, 6)}` : '';
          }),
        );
      }
      expect(reached[0]).toBe('BUTTON:发送');
      expect(reached).toEqual(
        expect.arrayContaining([
          'BUTTON:您好，我是人',
          'SELECT:ac-outcome',
          'INPUT:ac-outcome-note',
          'BUTTON:结束会话，交',
        ]),
      );
      await agent.getByLabel('处理结果').selectOption('referred-hardship-team');
      await agent.getByLabel(/^备注/).fill('已告知向本行申请分期');
      await agent.getByRole('button', { name: '结束会话，交回安心助手' }).click();
      await agent.getByText('从左侧队列选择一个会话').waitFor();
      await agent.getByRole('heading', { name: '我的会话（0）' }).waitFor();
      expect(
        await agent.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.id),
      ).toBe('ac-waiting-h');
      const entry = await s.app.stores.handoffs.entry('web', conversationId);
      expect(entry).toMatchObject({
        state: 'completed',
        outcome: 'referred-hardship-team: 已告知向本行申请分期',
      });

      await customer
        .locator('.anxin-msg--system')
        .filter({ hasText: '人工客服已结束本次服务' })
        .waitFor({ timeout: 10_000 });
      await ask(customer, '停息挂账靠谱吗');
      await botAnswers(customer).last().locator('.anxin-cite').first().waitFor({ timeout: 20_000 });
    },
  );

  step('When the agent switches to English, reloads and logs out, then the login form is back', async () => {
    await agent.getByRole('button', { name: 'Switch to English' }).click();
    await agent.getByRole('heading', { name: 'Waiting (0)' }).waitFor();
    // A reload keeps the agent logged in (and in English).
    await agent.reload();
    await agent.getByRole('heading', { name: 'Waiting (0)' }).waitFor();
    expect(
      await agent.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.lang),
    ).toBe('en');
    await agent.getByRole('button', { name: 'Log out' }).click();
    await agent.getByRole('heading', { name: 'Agent login' }).waitFor();
    // The session is gone on the server too.
    const queue = await agent.request.get(`${s.base}/api/v1/agent/queue`);
    expect(queue.status()).toBe(401);
  });

  step(
    'When an account is locked after repeated failures, then the console says how long to wait',
    async () => {
      await addAgent(s, 'zhao');
      const p = await freshPage();
      await p.goto(`${s.base}/console/`);
      for (let i = 0; i < 5; i++) {
        await logIn(p, 'zhao', `wrong password ${i}`);
        await expect.poll(() => p.getByRole('button', { name: '登录' }).isEnabled()).toBe(true);
      }
      await expect.poll(() => p.locator('#ac-login-error').textContent()).toContain('账户已暂时锁定');
      expect(await p.locator('#ac-login-error').textContent()).toContain('15 分钟');
    },
  );

  step(
    'When an administrator has disabled an account, then its login says so, not "wrong password"',
    async () => {
      await addAgent(s, 'sun');
      await s.app.stores.agents.setDisabled('sun', new Date().toISOString());
      const p = await freshPage();
      await p.goto(`${s.base}/console/`);
      await logIn(p, 'sun', PASSWORD);
      await expect
        .poll(() => p.locator('#ac-login-error').textContent())
        .toBe('这个账户已停用，请联系系统管理员。');
    },
  );

  step('When the server cannot be reached, then the login form says so plainly', async () => {
    const p = await freshPage();
    await p.goto(`${s.base}/console/`);
    await p.route('**/api/v1/agent/**', (route) => route.abort('connectionrefused'));
    await logIn(p, 'wang', PASSWORD);
    await expect.poll(() => p.locator('#ac-login-error').textContent()).toContain('暂时连不上服务器');
    expect(await p.locator('#ac-login-error').textContent()).not.toMatch(/[{}]|Error|\b50\d\b/);
  });
});
