import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../helpers/server.js';

const SECRET = 'directline-secret-for-the-host-header-test';
const EVIL = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  forwarded: 'host=evil.example;proto=https',
};

/** A raw HTTP call, so the Host header is the attacker's (fetch would not send it). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: { conversationId: string; streamUrl: string } }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += String(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The stream URLs an attacker gets back when starting and reconnecting with a Host of their choosing. */
async function streamUrlsWithEvilHost(base: string): Promise<string[]> {
  const auth = { authorization: `Bearer ${SECRET}` };
  const started = await send(base, 'POST', '/v3/directline/conversations', { ...EVIL, ...auth }, {});
  expect(started.status).toBe(201);
  const id = encodeURIComponent(started.body.conversationId);
  const again = await send(base, 'GET', `/v3/directline/conversations/${id}?watermark=0`, {
    ...EVIL,
    ...auth,
  });
  expect(again.status).toBe(200);
  return [started.body.streamUrl, again.body.streamUrl];
}

describe('When an attacker sends Host or X-Forwarded-Host: evil.example to Direct Line', () => {
  let plain: Running;
  let configured: Running;
  beforeAll(async () => {
    plain = await startServer({}, { DIRECTLINE_SECRET: SECRET });
    configured = await startServer(
      {},
      { DIRECTLINE_SECRET: SECRET, PUBLIC_URL: 'https://chat.bank.example' },
    );
  });
  afterAll(async () => {
    await plain.stop();
    await configured.stop();
  });

  it('When PUBLIC_URL is unset, then streamUrl is the server’s own listening address, never the header’s host', async () => {
    const { port } = new URL(plain.base);
    for (const url of await streamUrlsWithEvilHost(plain.base)) {
      expect(url).not.toMatch(/evil/);
      expect(url.startsWith(`ws://127.0.0.1:${port}/v3/directline/conversations/`)).toBe(true);
    }
  });

  it('When PUBLIC_URL is set, then streamUrl is on that origin, whatever the headers say', async () => {
    for (const url of await streamUrlsWithEvilHost(configured.base)) {
      expect(url).not.toMatch(/evil/);
      expect(url).toMatch(/^wss:\/\/chat\.bank\.example\/v3\/directline\/conversations\/[^/]+\/stream\?t=/);
    }
  });
});
