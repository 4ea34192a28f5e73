import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { buildWidget } from '../../scripts/build-widget.mjs';
import { addAgent, agent } from '../helpers/agents.js';
import { beforeSteps, openPage, step } from '../helpers/browser.js';
import { type Running, startServer } from '../helpers/server.js';

// Customers waiting for a person, each in their own widget: what the queue line under the chat
// says, beside what the bot said, as cases ahead of them are taken by an agent.

type PageWindow = { localStorage: { getItem(key: string): string | null } };

let s: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const customers: Record<string, Page> = {};

const queueLine = (p: Page) => p.getByRole('status');
const lastBotAnswer = (p: Page) => p.locator('.anxin-msg--bot .anxin-bubble').last();

/** A customer opens the chat (switching it to English if asked) and presses "talk to a person". */
async function asksForPerson(name: string, english = false): Promise<Page> {
  const { ctx, p } = await openPage(browser);
  contexts.push(ctx);
  customers[name] = p;
  await p.goto(`${s.base}/`);
  await p.getByRole('button', { name: /在线咨询/ }).click();
  await p.getByText('您好，我是安心助手').waitFor();
  if (english) {
    await p.getByRole('button', { name: 'Switch to English' }).click();
    await p.getByText("Hello, I'm Anxin").waitFor();
  }
  // The button under the chat (the welcome may offer one among its suggestions too).
  await p.locator('.anxin-person').click();
  await expect.poll(() => queueLine(p).textContent(), { timeout: 20_000 }).toMatch(/转接|Connecting/);
  return p;
}

const caseOf = async (p: Page) =>
  `web:${JSON.parse((await p.evaluate(() => (globalThis as unknown as PageWindow).localStorage.getItem('anxin:session'))) as string).conversationId}`;

describe('The queue line of customers waiting for a person', () => {
  beforeSteps(async (launched) => {
    browser = launched;
    await buildWidget();
    s = await startServer();
    await addAgent(s, 'wang', 'agent', { displayName: '王芳', staffNumber: '1024' });
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await s?.stop();
  });

  step(
    'When two customers ask for a person, then the second one’s line and the bot both say one customer is ahead',
    async () => {
      const first = await asksForPerson('first');
      const second = await asksForPerson('second');
      await expect
        .poll(() => queueLine(first).textContent())
        .toBe('正在为您转接人工客服，您是下一位，请稍等。');
      // The queue line can update before the bot's answer is drawn: wait for both.
      await expect.poll(() => lastBotAnswer(first).textContent()).toContain('您是下一位');
      await expect
        .poll(() => queueLine(second).textContent())
        .toBe('正在为您转接人工客服，前面还有 1 位客户，请稍等。');
      await expect.poll(() => lastBotAnswer(second).textContent()).toContain('您前面还有 1 位客户在等候');
    },
  );

  step(
    'When the case ahead is claimed, then the second customer’s line says they are next, and the first is told who joined',
    async () => {
      const { first, second } = customers as { first: Page; second: Page };
      const wang = await agent(s.base, 'wang');
      expect((await wang('POST', `/conversations/${await caseOf(first)}/claim`, {})).status).toBe(200);
      await expect
        .poll(() => queueLine(second).textContent(), { timeout: 10_000 })
        .toBe('正在为您转接人工客服，您是下一位，请稍等。');
      const joined = '人工客服 王芳（工号 1024） 已接入，请直接说明您的情况。';
      await expect.poll(() => queueLine(first).textContent(), { timeout: 10_000 }).toBe(joined);
      await first.locator('.anxin-msg--system', { hasText: '人工客服 王芳 已接入' }).waitFor();
      // After a reload the line still says who joined, not "connecting you" again.
      await first.reload();
      await first.locator('.anxin-msg--system', { hasText: '人工客服 王芳 已接入' }).waitFor();
      await expect.poll(() => queueLine(first).textContent()).toBe(joined);
    },
  );

  step(
    'When English-speaking customers wait behind one and two others, then their lines say "1 customer" and "2 customers"',
    async () => {
      const third = await asksForPerson('third', true);
      await expect
        .poll(() => queueLine(third).textContent())
        .toBe('Connecting you to a person. 1 customer ahead of you, please wait.');
      const fourth = await asksForPerson('fourth', true);
      await expect
        .poll(() => queueLine(fourth).textContent())
        .toBe('Connecting you to a person. 2 customers ahead of you, please wait.');
      expect(await queueLine(fourth).textContent()).not.toContain('(s)');
    },
  );
});
