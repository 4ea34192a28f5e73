import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/channels/web/apiSchemas.js';
import { ConversationTokens } from '../../src/conversation/conversationTokens.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';

let s: Running;
let c: Awaited<ReturnType<typeof openConversation>>;
let messages: string;
beforeAll(async () => {
  s = await startServer({ messagesPerMinute: { perIp: 1000, perConversation: 4 } });
  c = await openConversation(s.base);
  messages = `/api/v1/conversations/${c.conversationId}/messages`;
});
afterAll(() => s.stop());

/** Every error has the contract's shape and never a stack trace. */
function expectError(r: { status: number; body: unknown }, status: number, code: RegExp | string) {
  expect(r.status).toBe(status);
  const e = errorResponse.parse(r.body).error;
  expect(e.code).toMatch(code);
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  return e;
}

describe('Customer API errors (CONTRACT §2)', () => {
  it('When the body is larger than the limit, then 413', async () => {
    expectError(
      await call(s.base, 'POST', messages, {
        token: c.token,
        raw: JSON.stringify({ text: 'x'.repeat(40_000) }),
      }),
      413,
      'payload-too-large',
    );
  });

  it('When the body is not valid JSON, then 400 saying so', async () => {
    const e = expectError(
      await call(s.base, 'POST', messages, { token: c.token, raw: '{"text": "hi"' }),
      400,
      'malformed-json',
    );
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('When a field is missing, wrong or unknown, then 400 naming it', async () => {
    expect(
      expectError(await call(s.base, 'POST', messages, { token: c.token, body: {} }), 400, 'invalid-request')
        .field,
    ).toBe('text');
    expect(
      expectError(
        await call(s.base, 'POST', messages, { token: c.token, body: { text: 'x'.repeat(2001) } }),
        400,
        'invalid-request',
      ).field,
    ).toBe('text');
    expect(
      expectError(
        await call(s.base, 'POST', messages, { token: c.token, body: { text: 'hi', admin: true } }),
        400,
        'invalid-request',
      ).message,
    ).toMatch(/admin/);
    expect(
      expectError(
        await call(s.base, 'POST', '/api/v1/conversations', { body: { locale: 'fr' } }),
        400,
        'invalid-request',
      ).field,
    ).toBe('locale');
  });

  it('When the token is missing, malformed or forged, then 401', async () => {
    expectError(await call(s.base, 'POST', messages, { body: { text: 'hi' } }), 401, 'token-missing');
    expectError(await call(s.base, 'GET', messages, { token: 'abc' }), 401, 'token-malformed');
    const [payload] = c.token.split('.');
    expectError(
      await call(s.base, 'GET', messages, { token: `${payload}.AAAA` }),
      401,
      'token-bad-signature',
    );
  });

  it('When the token has expired, then 401 token-expired', async () => {
    const secret = Buffer.from(
      readFileSync(path.join(s.dataDir, 'secrets', 'token-secret'), 'utf8').trim(),
      'base64url',
    );
    const old = new ConversationTokens(secret, 1000, () => Date.now() - 10_000).issue(c.conversationId);
    expectError(await call(s.base, 'GET', messages, { token: old.token }), 401, 'token-expired');
  });

  it('When a token opens another conversation, then 403; an unknown conversation, then 404', async () => {
    const other = await openConversation(s.base);
    expectError(await call(s.base, 'GET', messages, { token: other.token }), 403, 'forbidden');
    const secret = Buffer.from(
      readFileSync(path.join(s.dataDir, 'secrets', 'token-secret'), 'utf8').trim(),
      'base64url',
    );
    const ghost = new ConversationTokens(secret, 60_000).issue('no-such-conversation');
    expectError(
      await call(s.base, 'GET', '/api/v1/conversations/no-such-conversation/messages', {
        token: ghost.token,
      }),
      404,
      'not-found',
    );
    expectError(await call(s.base, 'GET', '/api/v1/nowhere'), 404, 'not-found');
  });

  it('When a conversation sends too many messages, then 429 with Retry-After, and nothing of the refused turn is kept', async () => {
    const fresh = await openConversation(s.base);
    const path = `/api/v1/conversations/${fresh.conversationId}/messages`;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const r = await call(s.base, 'POST', path, { token: fresh.token, body: { text: `停息挂账 ${i}` } });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const transcript = (await call(s.base, 'GET', path, { token: fresh.token })).body.messages;
    expect(transcript.filter((m: { role: string }) => m.role === 'customer')).toHaveLength(4);
  });
});
