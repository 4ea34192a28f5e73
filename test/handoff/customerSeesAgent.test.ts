import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgent, agent } from '../helpers/agents.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';
import { collect, until } from '../helpers/sse.js';

type Handoff = { state: string; position?: number; agentName?: string };
type Event = { type: string; data: { text?: string; role?: string; handoff?: Handoff } };

/** The events received so far on a customer's stream. */
const parsed = (text: string): Event[] =>
  text
    .split('\n\n')
    .map((block) => ({
      type: /^event: (.+)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}'),
    }))
    .filter((e) => e.type);

/** A customer in the widget who asks for a person; answers how to read what reaches them. */
async function customerAsksForPerson(s: Running, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const c = await openConversation(s.base, locale);
  const path = `/api/v1/conversations/${c.conversationId}`;
  const stream = collect(await fetch(`${s.base}${path}/events?token=${c.token}`));
  const asked = await call(s.base, 'POST', `${path}/handoff`, { token: c.token, body: {} });
  return {
    id: `web:${c.conversationId}`,
    handoff: asked.body.handoff as Handoff,
    events: () => parsed(stream.text()),
    lastHandoff: () =>
      parsed(stream.text())
        .filter((e) => e.type === 'handoff')
        .at(-1)?.data.handoff,
    transcript: async () =>
      (await call(s.base, 'GET', `${path}/messages`, { token: c.token })).body.messages as {
        role: string;
        text: string;
        handoff?: Handoff;
      }[],
    close: () => stream.close(),
  };
}

describe('What the customer is told of the agent who joins', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
    await addAgent(s, 'wang', 'agent', { displayName: '王芳', staffNumber: '1024' });
    await addAgent(s, 'li', 'agent', { displayName: 'Li Na', staffNumber: '2048' });
    await addAgent(s, 'zhao');
  });
  afterAll(() => s.stop());

  // The staff number is in the handoff state the widget shows, not in the bot's notice: the bot's
  // guardrail would replace a notice holding a number the official directory does not list.
  it('When 王芳 (staff no. 1024, login wang) takes the case, then the customer reads her name and number, never her login', async () => {
    const customer = await customerAsksForPerson(s);
    await (await agent(s.base, 'wang'))('POST', `/conversations/${customer.id}/claim`, {});
    await until(() => customer.lastHandoff()?.state === 'accepted');
    expect(customer.lastHandoff()).toEqual({ state: 'accepted', agentName: '王芳（工号 1024）' });
    const joined = (await customer.transcript()).filter((m) => m.role === 'system');
    expect(joined.map((m) => m.text)).toEqual(['人工客服 王芳 已接入，请直接说明您的情况。']);
    expect(JSON.stringify(customer.events())).not.toMatch(/wang/);
    await customer.close();
  });

  it('When an English-speaking customer’s case is taken by Li Na (2048), then they read "Agent Li Na (staff no. 2048)"', async () => {
    const customer = await customerAsksForPerson(s, 'en');
    await (await agent(s.base, 'li'))('POST', `/conversations/${customer.id}/claim`, {});
    await until(() => customer.lastHandoff()?.state === 'accepted');
    expect(customer.lastHandoff()?.agentName).toBe('Agent Li Na (staff no. 2048)');
    const joined = (await customer.transcript()).filter((m) => m.role === 'system');
    expect(joined.map((m) => m.text)).toEqual(['Agent Li Na has joined. Please go ahead.']);
    await customer.close();
  });

  it('When an older account without a display name takes the case, then the customer is told a person joined, with no name', async () => {
    const customer = await customerAsksForPerson(s);
    await (await agent(s.base, 'zhao'))('POST', `/conversations/${customer.id}/claim`, {});
    await until(() => customer.lastHandoff()?.state === 'accepted');
    expect(customer.lastHandoff()).toEqual({ state: 'accepted' });
    const joined = (await customer.transcript()).filter((m) => m.role === 'system');
    expect(joined.map((m) => m.text)).toEqual(['人工客服已接入，请直接说明您的情况。']);
    expect(JSON.stringify(customer.events())).not.toMatch(/zhao/);
    await customer.close();
  });

  it('When an agent joins and later ends the chat, then each notice carries the state it announces, so a reload shows it', async () => {
    const customer = await customerAsksForPerson(s);
    const wang = await agent(s.base, 'wang');
    await wang('POST', `/conversations/${customer.id}/claim`, {});
    await wang('POST', `/conversations/${customer.id}/release`, { outcome: 'resolved' });
    const notices = (await customer.transcript()).filter((m) => m.role === 'system');
    expect(notices.map((m) => [m.text.slice(0, 8), m.handoff])).toEqual([
      ['人工客服 王芳 ', { state: 'accepted', agentName: '王芳（工号 1024）' }],
      ['人工客服已结束本', { state: 'completed' }],
    ]);
    await until(() =>
      customer.events().some((e) => e.type === 'message' && e.data.handoff?.state === 'completed'),
    );
    const live = customer.events().filter((e) => e.type === 'message' && e.data.role === 'system');
    expect(live.map((e) => e.data.handoff?.state)).toEqual(['accepted', 'completed']);
    await customer.close();
  });
});

describe('The waiting customer’s place in the queue', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
    await addAgent(s, 'wang', 'agent', { displayName: '王芳', staffNumber: '1024' });
  });
  afterAll(() => s.stop());

  it('When the cases ahead are claimed, then each customer still waiting hears their new place', async () => {
    const first = await customerAsksForPerson(s);
    const second = await customerAsksForPerson(s);
    const third = await customerAsksForPerson(s);
    expect([first, second, third].map((c) => c.handoff.position)).toEqual([1, 2, 3]);
    const said = (await third.transcript()).filter((m) => m.role === 'bot').at(-1)?.text;
    expect(said).toContain('您前面还有 2 位客户在等候');

    const wang = await agent(s.base, 'wang');
    await wang('POST', `/conversations/${first.id}/claim`, {});
    await until(() => second.lastHandoff()?.position === 1 && third.lastHandoff()?.position === 2);
    await wang('POST', `/conversations/${second.id}/claim`, {});
    await until(() => third.lastHandoff()?.position === 1);
    expect(third.lastHandoff()).toEqual({ state: 'queued', position: 1 });
    for (const c of [first, second, third]) await c.close();
  });
});
