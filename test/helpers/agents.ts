import { expect } from 'vitest';
import { hashPassword } from '../../src/agents/passwords.js';
import type { App } from '../../src/app.js';
import { call } from './server.js';

/** The password every test agent account has. */
export const PASSWORD = 'a long enough secret';

/** Adds an agent account with PASSWORD (hashed as the app stores it) to a running app; `shown` is what customers see. */
export async function addAgent(
  server: { app: App },
  username: string,
  role: 'agent' | 'admin' = 'agent',
  shown: { displayName?: string; staffNumber?: string } = {},
): Promise<void> {
  await server.app.stores.agents.put({
    username,
    role,
    passwordHash: await hashPassword(PASSWORD),
    createdAt: new Date().toISOString(),
    ...shown,
  });
}

/** Logs an agent in over HTTP (expecting 200 and an HttpOnly, SameSite=Strict cookie); answers the session cookie and CSRF token. */
async function logIn(base: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/v1/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Logs in; answers a caller of the agent API that sends the session cookie and, unless `csrf` is false, the CSRF token. */
export async function agent(base: string, username: string) {
  const { cookie, csrfToken } = await logIn(base, username);
  const caller = (method: string, path: string, body?: unknown, csrf = true) =>
    call(base, method, `/api/v1/agent${path}`, {
      body,
      headers: { cookie, ...(csrf ? { 'x-csrf-token': csrfToken } : {}) },
    });
  return Object.assign(caller, { cookie });
}
