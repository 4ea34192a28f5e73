import { describe, expect, it } from 'vitest';
import { AgentAuth, LOCKOUT } from '../../src/agents/agentAuth.js';
import { MemoryAgentAccounts, MemoryAgentSessions } from '../../src/agents/memoryAgents.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/agents/passwords.js';

async function setup() {
  let now = Date.parse('2026-11-24T09:00:00Z');
  const accounts = new MemoryAgentAccounts();
  await accounts.put({
    username: 'wang',
    role: 'agent',
    passwordHash: await hashPassword('a long enough secret'),
    createdAt: 'x',
  });
  const auth = new AgentAuth(accounts, new MemoryAgentSessions(), () => now);
  return { auth, accounts, advance: (ms: number) => (now += ms) };
}

describe('Agent passwords and login', () => {
  it('When a password is hashed, then only that password verifies, and the hash is salted scrypt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterx', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(passwordProblem('short')).toMatch(/12/);
  });

  it('When an agent logs in, then a session with a CSRF token is created and found again', async () => {
    const { auth } = await setup();
    const r = await auth.login('wang', 'a long enough secret');
    if (!r.ok) throw new Error('login failed');
    expect(r.session.csrfToken.length).toBeGreaterThan(20);
    expect((await auth.session(r.session.id))?.username).toBe('wang');
    await auth.logout(r.session.id);
    expect(await auth.session(r.session.id)).toBeUndefined();
  });

  it('When the password is wrong or the user unknown, then the answer is the same', async () => {
    const { auth } = await setup();
    expect(await auth.login('wang', 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await auth.login('nobody', 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' });
  });

  it(`When ${LOCKOUT.failures} logins fail in a row, then the account is locked even for the right password, until the lock runs out`, async () => {
    const { auth, advance } = await setup();
    for (let i = 1; i < LOCKOUT.failures; i++)
      expect((await auth.login('wang', 'nope nope nope')).ok).toBe(false);
    expect(await auth.login('wang', 'nope nope nope')).toMatchObject({ reason: 'locked' });
    expect(await auth.login('wang', 'a long enough secret')).toMatchObject({ ok: false, reason: 'locked' });
    advance(LOCKOUT.minutes * 60_000 + 1);
    expect((await auth.login('wang', 'a long enough secret')).ok).toBe(true);
  });

  it('When a session expires, then it is gone', async () => {
    const { auth, advance } = await setup();
    const r = await auth.login('wang', 'a long enough secret');
    if (!r.ok) throw new Error('login failed');
    advance(13 * 3_600_000);
    expect(await auth.session(r.session.id)).toBeUndefined();
  });

  it('When an account is disabled, then the right password is refused as disabled and a wrong one as invalid', async () => {
    const { auth, accounts } = await setup();
    await accounts.setDisabled('wang', '2026-11-24T09:30:00.000Z');
    expect(await auth.login('wang', 'a long enough secret')).toEqual({ ok: false, reason: 'disabled' });
    expect(await auth.login('wang', 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' });
    await accounts.setDisabled('wang', undefined);
    expect((await auth.login('wang', 'a long enough secret')).ok).toBe(true);
  });

  it('When an account is disabled while its agent is logged in, then the session stops working, also after enabling', async () => {
    const { auth, accounts } = await setup();
    const r = await auth.login('wang', 'a long enough secret');
    if (!r.ok) throw new Error('login failed');
    await accounts.setDisabled('wang', '2026-11-24T09:30:00.000Z');
    expect(await auth.session(r.session.id)).toBeUndefined();
    await accounts.setDisabled('wang', undefined);
    expect(await auth.session(r.session.id)).toBeUndefined();
  });
});
