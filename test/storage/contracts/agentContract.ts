import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../../src/storage/ports.js';
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
