import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/channels/web/apiSchemas.js';
import { createLogger } from '../../src/logger.js';
import { addAgent, agent } from '../helpers/agents.js';
import { bearer, startDirectLine } from '../helpers/directline.js';
import { call, openConversation, type Running, startServer } from '../helpers/server.js';

const SECRET = 'directline-secret-for-malformed-requests';

/** What the app logged at warn level and above, so a test can say nothing reached error level. */
const logged: { level: number; msg: string; err?: { stack?: string } }[] = [];
const logger = createLogger('warn', { write: (line: string) => void logged.push(JSON.parse(line)) });
const errors = () => logged.filter((l) => l.level >= 50);

let s: Running;
let c: Awaited<ReturnType<typeof openConversation>>;
let dl: Awaited<ReturnType<typeof startDirectLine>>;
let staff: Awaited<ReturnType<typeof agent>>;
beforeAll(async () => {
  s = await startServer({}, { DIRECTLINE_SECRET: SECRET }, logger);
  c = await openConversation(s.base);
  dl = await startDirectLine(s.base, SECRET);
  await addAgent(s, 'mallory-test');
  staff = await agent(s.base, 'mallory-test');
});
afterAll(() => s.stop());
beforeEach(() => {
  logged.length = 0;
});

/** A 400 in the contract's shape, its code as given, no stack trace, nothing logged at error level. */
function expectBadRequest(r: { status: number; body: unknown }, code: string, says: RegExp) {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  const e = errorResponse.parse(r.body).error;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(says);
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('When an attacker sends requests the parsers cannot read, then 400 naming the problem, never 500', () => {
  it('When a body claims gzip, deflate or br but is plain JSON, then 400 not-decompressible', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const headers = { 'content-encoding': encoding };
      const raw = JSON.stringify({ text: 'hello' });
      const sent = [
        await call(s.base, 'POST', `/api/v1/conversations/${c.conversationId}/messages`, {
          token: c.token,
          raw,
          headers,
        }),
        await call(s.base, 'POST', `/v3/directline/conversations/${dl.conversationId}/activities`, {
          raw,
          headers: { ...headers, ...bearer(dl.token) },
        }),
        await call(s.base, 'POST', '/api/v1/agent/login', { raw, headers }),
        await call(s.base, 'POST', '/api/v1/agent/conversations/web:x/messages', {
          raw,
          headers: { ...headers, cookie: staff.cookie },
        }),
      ];
      for (const r of sent) expectBadRequest(r, 'malformed-body', new RegExp(`${encoding}`));
    }
    expect(errors()).toEqual([]);
  });

  it('When a path id carries a bad % escape, then 400 malformed-path', async () => {
    const sent = [
      await call(s.base, 'POST', '/api/v1/conversations/%/messages', {
        token: c.token,
        body: { text: 'hi' },
      }),
      await call(s.base, 'GET', '/api/v1/conversations/%E0%A4%A/messages', { token: c.token }),
      await call(s.base, 'POST', '/v3/directline/conversations/%/activities', {
        headers: bearer(dl.token),
        body: { type: 'message', text: 'hi', from: { id: 'u' } },
      }),
      await call(s.base, 'GET', '/api/v1/agent/conversations/%', { headers: { cookie: staff.cookie } }),
    ];
    for (const r of sent) expectBadRequest(r, 'malformed-path', /escape/);
    expect(errors()).toEqual([]);
  });

  it('When the anxin_agent cookie is malformed, then 400 malformed-cookie on any agent endpoint, with no login', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/agent/queue'],
      ['GET', '/api/v1/agent/session'],
      ['GET', '/api/v1/agent/events'],
      ['POST', '/api/v1/agent/logout'],
      ['POST', '/api/v1/agent/conversations/web:x/claim'],
    ] as const)
      expectBadRequest(
        await call(s.base, method, path, { headers: { cookie: 'anxin_agent=%E0%A4%A' } }),
        'malformed-cookie',
        /anxin_agent/,
      );
    expect(errors()).toEqual([]);
  });

  it('When a client closes mid-upload, then it is logged at most as a warning, without a stack', async () => {
    const { port } = new URL(s.base);
    await new Promise<void>((resolve) => {
      const req = request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: `/api/v1/conversations/${c.conversationId}/messages`,
        headers: {
          'content-type': 'application/json',
          'content-length': '1000',
          authorization: `Bearer ${c.token}`,
        },
      });
      req.on('error', () => resolve());
      req.write('{"text": "half a bo');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(errors()).toEqual([]);
    const aborted = logged.filter((x) => x.msg === 'request aborted');
    expect(aborted).toHaveLength(1);
    expect(aborted[0]?.level).toBe(40);
    expect(JSON.stringify(aborted)).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});
