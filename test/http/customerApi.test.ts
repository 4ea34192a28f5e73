import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConversationResponse,
  errorResponse,
  handoffResponse,
  messagesResponse,
} from '../../src/channels/web/apiSchemas.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';

let s: Running;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.stop());

/** Read SSE events from a stream until `count` events arrived. */
async function readEvents(
  res: Response,
  count: number,
): Promise<{ event: string; id?: string; data: any }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; id?: string; data: any }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => l && !l.startsWith(':'))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
      );
      if (fields.event)
        events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? 'null') });
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

describe('Customer API (CONTRACT §2)', () => {
  it('When a customer types a mistyped card number, then the turn answers with their message masked, and so does the transcript', async () => {
    const c = await openConversation(s.base);
    const path = `/api/v1/conversations/${c.conversationId}/messages`;
    // 19 digits that fail Luhn: still a card number to the customer, so still masked.
    const r = await call(s.base, 'POST', path, {
      token: c.token,
      body: { text: '我的卡6222021234567890129被盗刷了' },
    });
    expect(r.status).toBe(200);
    expect(r.body.customerText).toBe('我的卡6222************129被盗刷了');
    const t = await call(s.base, 'GET', path, { token: c.token });
    expect(JSON.stringify(t.body)).not.toContain('6222021234567890129');
  });

  it('When a conversation is opened, then it answers 201 with a token and the welcome', async () => {
    const r = await call(s.base, 'POST', '/api/v1/conversations', { body: { locale: 'en', channel: 'app' } });
    expect(r.status).toBe(201);
    const body = createConversationResponse.parse(r.body);
    expect(body.messages[0]?.text).toMatch(/Anxin/);
    expect(body.messages[0]?.suggestedActions.length).toBeGreaterThan(0);
  });

  it('When a customer asks a question, then the reply has sanitized HTML, citations and suggested actions', async () => {
    const c = await openConversation(s.base);
    const r = await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, {
      token: c.token,
      body: { text: '停息挂账靠谱吗', clientMessageId: 'm1' },
    });
    expect(r.status).toBe(200);
    const [reply] = messagesResponse.parse(r.body).messages;
    expect(reply?.role).toBe('bot');
    expect(reply?.citations[0]?.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reply?.html).toMatch(/<ol>/);
    expect(reply?.suggestedActions.length).toBeGreaterThan(0);
  });

  it('When the transcript is read, then customer turns are there, masked and escaped', async () => {
    const c = await openConversation(s.base);
    const path = `/api/v1/conversations/${c.conversationId}/messages`;
    await call(s.base, 'POST', path, {
      token: c.token,
      body: { text: '<img src=x onerror=alert(1)> 我电话13812345678' },
    });
    const r = await call(s.base, 'GET', path, { token: c.token });
    const messages = messagesResponse.parse(r.body).messages;
    const customer = messages.find((m) => m.role === 'customer');
    expect(customer?.text).toMatch(/138\*{4}5678/);
    expect(customer?.html).not.toMatch(/<img/);
    expect(customer?.html).toMatch(/&lt;img/);
    expect(messages.map((m) => m.role)).toEqual(['bot', 'customer', 'bot']);
  });

  it('When a clientMessageId is resent, then the first answer comes back and the turn ran once', async () => {
    const c = await openConversation(s.base);
    const path = `/api/v1/conversations/${c.conversationId}/messages`;
    const body = { text: '信用卡还不上了怎么办', clientMessageId: 'same-1' };
    const [a, b] = await Promise.all([
      call(s.base, 'POST', path, { token: c.token, body }),
      call(s.base, 'POST', path, { token: c.token, body }),
    ]);
    const again = await call(s.base, 'POST', path, { token: c.token, body });
    expect(a.body.messages.map((m: { id: string }) => m.id)).toEqual(
      b.body.messages.map((m: { id: string }) => m.id),
    );
    expect(again.body).toEqual(a.body);
    const transcript = (await call(s.base, 'GET', path, { token: c.token })).body.messages;
    expect(transcript.filter((m: { role: string }) => m.role === 'customer')).toHaveLength(1);
  });

  it('When a customer asks for a person, then 202 and the event stream reports the handoff', async () => {
    const c = await openConversation(s.base);
    const stream = await fetch(`${s.base}/api/v1/conversations/${c.conversationId}/events?token=${c.token}`);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = readEvents(stream, 2);
    const r = await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/handoff`, {
      token: c.token,
      body: { reason: 'want a person' },
    });
    expect(r.status).toBe(202);
    expect(handoffResponse.parse(r.body).handoff.state).toBe('queued');
    const got = await events;
    expect(got.map((e) => e.event)).toEqual(['typing', 'handoff']);
    expect(got[1]?.data).toEqual({ handoff: { state: 'queued', position: expect.any(Number) } });
  });

  it('When the stream reconnects with Last-Event-ID, then the agent messages it missed come first', async () => {
    const c = await openConversation(s.base);
    const [m1, m2] = await s.app.stores.transcripts.append(c.conversationId, [
      {
        id: 'a1',
        conversationId: c.conversationId,
        role: 'agent',
        text: '您好，我是客服小王',
        suggestedActions: [],
        citations: [],
        createdAt: new Date().toISOString(),
      },
      {
        id: 'a2',
        conversationId: c.conversationId,
        role: 'agent',
        text: '请问有什么可以帮您',
        suggestedActions: [],
        citations: [],
        createdAt: new Date().toISOString(),
      },
    ]);
    const stream = await fetch(`${s.base}/api/v1/conversations/${c.conversationId}/events`, {
      headers: { authorization: `Bearer ${c.token}`, 'last-event-id': String(m1?.seq) },
    });
    const [first] = await readEvents(stream, 1);
    expect(first).toMatchObject({ event: 'message', id: String(m2?.seq), data: { id: 'a2', role: 'agent' } });
  });

  it('When feedback is given on an answer, then 204; on an unknown message, then 404 naming messageId', async () => {
    const c = await openConversation(s.base);
    const base = `/api/v1/conversations/${c.conversationId}`;
    const answer = (
      await call(s.base, 'POST', `${base}/messages`, { token: c.token, body: { text: '12378是什么' } })
    ).body.messages[0];
    expect(
      (
        await call(s.base, 'POST', `${base}/feedback`, {
          token: c.token,
          body: { messageId: answer.id, helpful: true },
        })
      ).status,
    ).toBe(204);
    const bad = await call(s.base, 'POST', `${base}/feedback`, {
      token: c.token,
      body: { messageId: 'nope', helpful: false },
    });
    expect(bad.status).toBe(404);
    expect(errorResponse.parse(bad.body).error.field).toBe('messageId');
    expect(await s.app.stores.feedback.list(c.conversationId)).toMatchObject([
      { messageId: answer.id, helpful: true },
    ]);
  });

  it('When the OpenAPI document is fetched, then it is 3.1 and describes every path of the contract', async () => {
    const r = await call(s.base, 'GET', '/api/v1/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths).sort()).toEqual(
      [
        '/conversations',
        '/conversations/{id}/events',
        '/conversations/{id}/feedback',
        '/conversations/{id}/handoff',
        '/conversations/{id}/messages',
      ].sort(),
    );
  });

  it('When /metrics is scraped after turns, then turn counts and latency are there', async () => {
    const text = await (await fetch(`${s.base}/metrics`)).text();
    expect(text).toMatch(/anxin_turns_total\{intent="ask"\} \d+/);
    expect(text).toMatch(/anxin_turn_duration_seconds_bucket/);
    expect(text).toMatch(/anxin_handoffs_total \d+/);
  });

  it('When the demo page is asked for, then it is served with a CSP and the widget assets may be loaded cross-origin', async () => {
    const res = await fetch(`${s.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});
