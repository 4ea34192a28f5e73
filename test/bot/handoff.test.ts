import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/bot.js';

describe('Handoff', () => {
  it('When a customer asks for a person, then a handoff.initiate event carries the case summary and the masked transcript', async () => {
    const c = await conversation();
    await c.say('中介让我交3000押金 帮我做债务优化 我身份证号110101198003125639');
    const said = await c.say('转人工');
    const event = said.activities.find((a) => a.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    expect(event?.value).toMatchObject({
      reason: 'customer-request',
      intent: 'request-human',
      priority: false,
    });
    expect((event?.value as { topics?: string[] } | undefined)?.topics).toContain('human-agent');
    const transcript = event?.attachments?.[0];
    expect(transcript?.contentType).toBe('application/json');
    const text = JSON.stringify(transcript?.content);
    expect(text).toMatch(/押金/);
    expect(text).not.toMatch(/110101198003125639/);
    const recorded = await c.handoffs.get('test', said.activities[0]?.conversation?.id ?? '');
    expect(recorded).toMatchObject({ reason: 'customer-request', risk: 'low' });
  });

  it("When a customer asks for a person and quotes an agency's offer in the same message, then the case carries its red flags", async () => {
    const c = await conversation();
    const said = await c.say('转人工，中介说“先交3000服务费就能帮我停息挂账”');
    expect(said.handoffEvent).toBeDefined();
    expect(said.redFlags).toContain('upfront-fee');
    const value = (said.handoffEvent as { value: { redFlags: string[] } }).value;
    expect(value.redFlags).toEqual(expect.arrayContaining(['upfront-fee', 'third-party-fix']));
    const recorded = await c.handoffs.get('test', said.activities[0]?.conversation?.id ?? '');
    expect(recorded?.redFlags).toEqual(expect.arrayContaining(['upfront-fee', 'third-party-fix']));
  });

  it('When a customer already paid an agency, then the handoff is a priority one with risk high', async () => {
    const c = await conversation();
    const said = await c.say('上周交了3800给停息挂账的中介，还给了身份证照片');
    expect(said.risk).toBe('high');
    expect(said.handoffEvent).toBeDefined();
    expect((said.handoffEvent as { value: { priority: boolean; reason: string } }).value).toMatchObject({
      priority: true,
      reason: 'already-involved',
    });
  });

  it('When an agent accepts, then the bot stays quiet; when the agent completes, then the bot answers again', async () => {
    const c = await conversation();
    await c.say('人工');
    await c.adapter.receiveActivity({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } });
    c.adapter.activeQueue.splice(0);
    expect((await c.say('你好，我想问下分期')).activities).toHaveLength(0);
    await c.adapter.receiveActivity({ type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    c.adapter.activeQueue.splice(0);
    const again = await c.say('停息挂账靠谱吗');
    expect(again.reply).toMatch(/依据/);
    expect(again.handoff).toBe(false);
  });

  it('When a hub sends a status the bot does not know, then it is accepted and ignored', async () => {
    const c = await conversation();
    await c.adapter.receiveActivity({ type: 'event', name: 'handoff.status', value: { state: 'weird' } });
    expect((await c.say('人工')).handoff).toBe(true);
  });

  it('When a customer is frustrated, then the bot apologises and asks for a person', async () => {
    const c = await conversation();
    const said = await c.say('你根本听不懂人话，答非所问');
    expect(said.handoff).toBe(true);
    expect(said.reply).toMatch(/抱歉/);
  });
});
