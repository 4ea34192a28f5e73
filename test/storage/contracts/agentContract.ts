import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/stores.js';
import { buildAgentSession, type OpenStores } from './records.js';

/** Agent accounts and their login sessions. */
export function agentContract(name: string, open: OpenStores): void {
  describe(`${name}: agent accounts and sessions`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => ({ stores, close } = await open()));
    afterEach(() => close());

    const account = {
      username: 'wang',
      role: 'agent' as const,
      passwordHash: 'scrypt$1$2$3$s$h',
      createdAt: '2026-11-24T09:00:00.000Z',
    };

    it('When an account is added, then it reads back with no failures and no lock', async () => {
      await stores.agents.put(account);
      expect(await stores.agents.get('wang')).toEqual({ ...account, failures: 0 });
      expect(await stores.agents.get('nobody')).toBeUndefined();
    });

    it('When logins fail, then failures count up and a lock is kept until cleared', async () => {
      await stores.agents.put(account);
      await stores.agents.failed('wang');
      await stores.agents.failed('wang', '2026-11-24T09:15:00.000Z');
      expect(await stores.agents.get('wang')).toMatchObject({
        failures: 2,
        lockedUntil: '2026-11-24T09:15:00.000Z',
      });
      await stores.agents.clear('wang');
      expect(await stores.agents.get('wang')).toEqual({ ...account, failures: 0 });
    });

    it('When an account is put again (a new password), then failures and lock are cleared', async () => {
      await stores.agents.put(account);
      await stores.agents.failed('wang', '2026-11-24T09:15:00.000Z');
      await stores.agents.put({ ...account, passwordHash: 'scrypt$new', role: 'admin' });
      expect(await stores.agents.get('wang')).toEqual({
        ...account,
        passwordHash: 'scrypt$new',
        role: 'admin',
        failures: 0,
      });
    });

    it('When an account has a display name and a staff number, then both read back, and a new password keeps what is put again', async () => {
      const named = { ...account, displayName: '王芳', staffNumber: '1024' };
      await stores.agents.put(named);
      expect(await stores.agents.get('wang')).toEqual({ ...named, failures: 0 });
      await stores.agents.put({ ...named, passwordHash: 'scrypt$new' });
      expect(await stores.agents.get('wang')).toEqual({ ...named, passwordHash: 'scrypt$new', failures: 0 });
      await stores.agents.put(account);
      expect(await stores.agents.get('wang')).toEqual({ ...account, failures: 0 });
    });

    it('When accounts are listed, then every account comes back, by user name', async () => {
      expect(await stores.agents.list()).toEqual([]);
      await stores.agents.put({ ...account, username: 'zhao' });
      await stores.agents.put({ ...account, role: 'admin', displayName: '王芳' });
      await stores.agents.put({ ...account, username: 'li' });
      const listed = await stores.agents.list();
      expect(listed.map((a) => a.username)).toEqual(['li', 'wang', 'zhao']);
      expect(listed[1]).toEqual({ ...account, role: 'admin', displayName: '王芳', failures: 0 });
    });

    it('When an account is disabled and enabled again, then it reads so, and an unknown one is refused', async () => {
      await stores.agents.put(account);
      expect(await stores.agents.setDisabled('wang', '2026-11-24T10:00:00.000Z')).toBe(true);
      expect(await stores.agents.get('wang')).toEqual({
        ...account,
        disabledAt: '2026-11-24T10:00:00.000Z',
        failures: 0,
      });
      expect(await stores.agents.setDisabled('wang', undefined)).toBe(true);
      expect(await stores.agents.get('wang')).toEqual({ ...account, failures: 0 });
      expect(await stores.agents.setDisabled('nobody', '2026-11-24T10:00:00.000Z')).toBe(false);
      expect(await stores.agents.get('nobody')).toBeUndefined();
    });

    it('When a session is created, then it reads back until deleted', async () => {
      await stores.agents.put(account);
      const session = buildAgentSession();
      await stores.agentSessions.create(session);
      expect(await stores.agentSessions.get('s1')).toEqual(session);
      await stores.agentSessions.delete('s1');
      expect(await stores.agentSessions.get('s1')).toBeUndefined();
    });
  });
}
