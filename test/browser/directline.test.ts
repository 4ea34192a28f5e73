import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { beforeSteps, openPage, step } from '../helpers/browser.js';
import { call, type Running, startServer } from '../helpers/server.js';

// Microsoft's own Direct Line client (DirectLineJS, what Web Chat v4 runs on) in real Chromium, on
// a bank page of another origin, talking to Anxin's /v3/directline over WebSocket and polling.

const SECRET = 'a-direct-line-secret-of-32-characters-or-more';
const CLIENT = createRequire(import.meta.url).resolve('botframework-directlinejs/dist/directline.js');

type Seen = { type: string; id?: string; text?: string; replyToId?: string; from: { role?: string } };
type Observable<T> = { subscribe(next: (value: T) => void, fail?: (err: unknown) => void): void };
/** The part of DirectLineJS the page uses. */
type Client = {
  connectionStatus$: Observable<number>;
  activity$: Observable<Seen>;
  postActivity(activity: object): Observable<string>;
};
/** What the page keeps of the client's life (this project has no DOM types). */
type PageWindow = { seen: Seen[]; statuses: number[]; posted?: string; failed?: string };

let s: Running;
let bank: { url: string; close(): void };
let browser: Browser;

/** The bank's page: another origin, which loads the client and nothing else. */
async function bankPage(): Promise<{ url: string; close(): void }> {
  const app = express();
  app.get('/directline.js', (_req, res) => {
    res.type('js').send(readFileSync(CLIENT));
  });
  app.get('/', (_req, res) => {
    res
      .type('html')
      .send('<!doctype html><html lang="zh-CN"><title>银行</title><script src="/directline.js"></script>');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** The bank's server gets a token; the page starts DirectLineJS with it and asks one question. */
async function converse(webSocket: boolean): Promise<{ p: Page; posted: string }> {
  const generated = await call(s.base, 'POST', '/v3/directline/tokens/generate', {
    headers: { authorization: `Bearer ${SECRET}` },
    body: {},
  });
  const { p } = await openPage(browser);
  await p.goto(bank.url);
  await p.evaluate(
    ({ token, domain, webSocket }) => {
      const w = globalThis as unknown as PageWindow & {
        DirectLine: { DirectLine: new (o: object) => Client };
      };
      w.seen = [];
      w.statuses = [];
      const dl = new w.DirectLine.DirectLine({ token, domain, webSocket, pollingInterval: 200 });
      dl.connectionStatus$.subscribe((status: number) => w.statuses.push(status));
      dl.activity$.subscribe((a: Seen) => w.seen.push(a));
      dl.postActivity({
        type: 'message',
        from: { id: 'customer' },
        text: '有人说交钱能帮我停息挂账，靠谱吗',
      }).subscribe(
        (id: string) => {
          w.posted = id;
        },
        (err: unknown) => {
          w.failed = String(err);
        },
      );
    },
    { token: generated.body.token as string, domain: `${s.base}/v3/directline`, webSocket },
  );
  await expect
    .poll(
      () =>
        p.evaluate(
          () => (globalThis as unknown as PageWindow).posted ?? (globalThis as unknown as PageWindow).failed,
        ),
      {
        timeout: 15_000,
      },
    )
    .toBeTruthy();
  const failed = await p.evaluate(() => (globalThis as unknown as PageWindow).failed);
  expect(failed).toBeUndefined();
  return { p, posted: (await p.evaluate(() => (globalThis as unknown as PageWindow).posted)) as string };
}

async function seen(p: Page): Promise<Seen[]> {
  return p.evaluate(() => (globalThis as unknown as PageWindow).seen);
}

describe('Web Chat’s Direct Line client against Anxin', () => {
  beforeSteps(async (launched) => {
    browser = launched;
    s = await startServer({}, { DIRECTLINE_SECRET: SECRET });
    bank = await bankPage();
  });
  afterAll(async () => {
    bank?.close();
    await s?.stop();
  });

  for (const webSocket of [true, false])
    step(
      `When a customer asks over ${webSocket ? 'the WebSocket' : 'polling'}, then DirectLineJS is online and shows the echo and the cited answer to it`,
      async () => {
        const { p, posted } = await converse(webSocket);
        await expect
          .poll(async () => (await seen(p)).some((a) => a.replyToId === posted), { timeout: 15_000 })
          .toBe(true);
        const activities = await seen(p);
        expect(activities.find((a) => a.id === posted)?.from.role).toBe('user');
        expect(activities.find((a) => a.replyToId === posted)?.text).toMatch(/依据/);
        // The welcome came first, before the question.
        expect(activities[0]?.from.role).toBe('bot');
        expect(activities.findIndex((a) => a.id === posted)).toBeGreaterThan(0);
        // ConnectionStatus.Online is 2; nothing after it (no expired token, no failure).
        const statuses = await p.evaluate(() => (globalThis as unknown as PageWindow).statuses);
        expect(statuses.at(-1)).toBe(2);
        await p.context().close();
      },
    );
});
