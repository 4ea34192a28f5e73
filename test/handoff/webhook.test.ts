import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign, verify } from '../../src/handoff/webhook.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

/** The bank's contact centre: it receives signed handoff.initiate events. */
async function contactCentre() {
  const received: { event: any; valid: boolean }[] = [];
  const app = express();
  app.post('/anxin/handoff', express.text({ type: 'application/json' }), (req, res) => {
    const body = String(req.body);
    received.push({
      event: JSON.parse(body),
      valid: verify(SECRET, req.get('x-anxin-timestamp'), body, req.get('x-anxin-signature')),
    });
    res.status(202).end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/anxin/handoff`,
    close: () => server.close(),
  };
}

let s: Running;
let centre: Awaited<ReturnType<typeof contactCentre>>;
beforeAll(async () => {
  centre = await contactCentre();
  s = await startServer({}, { HANDOFF_WEBHOOK_URL: centre.url, HANDOFF_WEBHOOK_SECRET: SECRET });
});
afterAll(async () => {
  await s.stop();
  centre.close();
});

/** POST a handoff.status event as the contact centre would, signed (or not). */
function status(body: unknown, secret = SECRET, timestamp = String(Math.floor(Date.now() / 1000))) {
  const raw = JSON.stringify(body);
  return call(s.base, 'POST', '/api/v1/handoff/status', {
    raw,
    headers: { 'x-anxin-timestamp': timestamp, 'x-anxin-signature': sign(secret, timestamp, raw) },
  });
}

describe('A bank contact centre through the Bot Framework handoff protocol', () => {
  it('When a customer asks for a person, then the centre receives a correctly signed handoff.initiate, and its handoff.status changes what the customer sees', async () => {
    const c = await openConversation(s.base);
    await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
      // A mistyped ID number (its check digit is wrong) is masked all the same in what the centre gets.
      body: { text: '我已经给中介转了5000块 还把身份证110105194912310021发给他们了' },
    });
    for (let i = 0; i < 50 && !centre.received.length; i++) await new Promise((r) => setTimeout(r, 20));
    const [got] = centre.received;
    expect(got?.valid).toBe(true);
    expect(got?.event).toMatchObject({
      type: 'event',
      name: 'handoff.initiate',
      conversation: { id: c.conversationId },
      value: { reason: 'already-involved', priority: true, risk: 'high' },
    });
    expect(JSON.stringify(got?.event.attachments)).toMatch(/Transcript/);
    expect(JSON.stringify(got?.event)).not.toContain('110105194912310021');
    expect(JSON.stringify(got?.event)).toContain('110*************21');

    const accepted = await status({
      type: 'event',
      name: 'handoff.status',
      channelId: 'web',
      conversation: { id: c.conversationId },
      value: { state: 'accepted', agentName: '客服小李' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.handoff).toEqual({ state: 'accepted', agentName: '客服小李' });
    const transcript = (
      await call(s.base, 'GET', `/api/v1/conversations/${c.conversationId}/messages`, { token: c.token })
    ).body.messages;
    expect(transcript.at(-1)).toMatchObject({ role: 'system', text: expect.stringMatching(/客服小李/) });
    const silent = await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
      body: { text: '在吗' },
    });
    expect(silent.body.messages).toEqual([]);

    const done = await status({
      type: 'event',
      name: 'handoff.status',
      channelId: 'web',
      conversation: { id: c.conversationId },
      value: { state: 'completed' },
    });
    expect(done.body.handoff).toEqual({ state: 'completed' });
  });

  it('When a status is not signed with the secret, or is too old, then 401 and nothing changes', async () => {
    const event = {
      type: 'event',
      name: 'handoff.status',
      channelId: 'web',
      conversation: { id: 'x' },
      value: { state: 'accepted' },
    };
    expect((await status(event, 'another-secret-of-at-least-32-characters')).status).toBe(401);
    expect((await status(event, SECRET, String(Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
  });

  it('When a signed status is malformed or names an unknown conversation, then 400 or 404', async () => {
    expect(
      (
        await status({
          type: 'event',
          name: 'handoff.status',
          channelId: 'web',
          conversation: { id: 'x' },
          value: { state: 'weird' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await status({
          type: 'event',
          name: 'handoff.status',
          channelId: 'web',
          conversation: { id: 'nope' },
          value: { state: 'accepted' },
        })
      ).status,
    ).toBe(404);
  });
});
