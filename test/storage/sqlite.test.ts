import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/storage/sqlite/openSqliteStores.js';
import type { Stores } from '../../src/storage/stores.js';
import { tempDir } from '../helpers/tempContent.js';
import { allContracts } from './contracts/allContracts.js';
import { expectGaplessAppends } from './contracts/concurrentAppends.js';
import {
  buildConversation,
  buildHandoffRequest,
  buildMessage,
  buildReport,
  buildWaitingCustomers,
} from './contracts/records.js';

/**
 * Runs a fixture script as two processes, tags a and b (`args` gives a tag's arguments): each says it
 * is ready, then both go at once. Answers what each printed.
 */
async function runTogether(dir: string, args: (tag: string) => string[]): Promise<string[]> {
  const run = promisify(execFile);
  let exited = false;
  const children = Promise.all(
    ['a', 'b'].map((tag) => run(process.execPath, ['--import', 'tsx', ...args(tag)])),
  ).finally(() => {
    exited = true;
  });
  const ready = () => ['ready-a', 'ready-b'].every((f) => existsSync(path.join(dir, f)));
  while (!ready() && !exited) await sleep(5);
  writeFileSync(path.join(dir, 'go'), '');
  return (await children).map(({ stdout }) => stdout);
}

allContracts(
  'SQLite',
  async () => {
    const dir = tempDir('anxin-sqlite-');
    const stores = openSqliteStores(dir);
    return {
      stores,
      close: async () => {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async () => {
    const dir = tempDir('anxin-sqlite-');
    const opened: Stores[] = [];
    return {
      connect: () => {
        const stores = openSqliteStores(dir);
        opened.push(stores);
        return stores;
      },
      close: async () => {
        for (const stores of opened) await stores.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
);

describe('SQLite: one file on disk', () => {
  const dirs: string[] = [];
  const opened: Stores[] = [];
  const openIn = (dir: string) => {
    const stores = openSqliteStores(dir);
    opened.push(stores);
    return stores;
  };
  const newDir = () => {
    const dir = tempDir('anxin-sqlite-');
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const stores of opened.splice(0)) await stores.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('When DATA_DIR does not exist yet, then it is created with anxin.db inside', () => {
    const dir = path.join(newDir(), 'nested', 'data');
    openIn(dir);
    expect(existsSync(path.join(dir, 'anxin.db'))).toBe(true);
  });

  it('When the stores are closed and opened again, then everything written is still there', async () => {
    const dir = newDir();
    const before = openIn(dir);
    const conversation = buildConversation();
    const messages = [
      buildMessage(conversation.id, { clientMessageId: 'k-1' }),
      buildMessage(conversation.id),
    ];
    const report = buildReport();
    const handoff = buildHandoffRequest();
    const feedback = { conversationId: conversation.id, messageId: 'm', helpful: false, createdAt: 'now' };
    await before.storage.write({ state: { turns: 3 } });
    const eTag = (await before.storage.read(['state'])).state.eTag;
    await before.conversations.create(conversation);
    await before.transcripts.append(conversation.id, messages);
    await before.feedback.add(feedback);
    await before.reports.save(report);
    await before.handoffs.request(handoff);
    await before.close();

    const after = openIn(dir);
    expect((await after.storage.read(['state'])).state).toEqual({ turns: 3, eTag });
    await after.storage.write({ state: { turns: 4, eTag } });
    expect(await after.conversations.get(conversation.id)).toEqual(conversation);
    expect(await after.transcripts.list(conversation.id)).toEqual(
      messages.map((m, i) => ({ ...m, seq: i + 1 })),
    );
    expect((await after.transcripts.append(conversation.id, [buildMessage(conversation.id)]))[0]?.seq).toBe(
      3,
    );
    await expect(
      after.transcripts.append(conversation.id, [buildMessage(conversation.id, { clientMessageId: 'k-1' })]),
    ).rejects.toThrow('already used');
    expect(await after.feedback.list(conversation.id)).toEqual([feedback]);
    expect(await after.reports.get(report.reference)).toEqual(report);
    expect(await after.handoffs.get(handoff.channel, handoff.conversationId)).toEqual(handoff);
  });

  it('When two connections to one file append at once, then seq stays unique and both see every message', async () => {
    const dir = newDir();
    await expectGaplessAppends(openIn(dir), openIn(dir), 30);
  });

  it('When one connection writes a stale eTag after the other wrote, then the conflict is still caught', async () => {
    const dir = newDir();
    const [one, two] = [openIn(dir), openIn(dir)];
    await one.storage.write({ k: { n: 1 } });
    const read = (await two.storage.read(['k'])).k;
    await one.storage.write({ k: { n: 2 } });
    await expect(two.storage.write({ k: { ...read, n: 3 } })).rejects.toThrow('eTag conflict');
  });

  it('When two processes append to one file at the same time, then seq stays unique and gapless', async () => {
    const dir = newDir();
    openIn(dir);
    await runTogether(dir, (tag) => ['test/storage/fixtures/appendMany.ts', dir, 'c1', '300', tag]);

    const listed = await openIn(dir).transcripts.list('c1');
    expect(listed.map((m) => m.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    for (const tag of ['a', 'b']) {
      expect(listed.filter((m) => m.id.startsWith(`${tag}-`)).map((m) => m.id)).toEqual(
        Array.from({ length: 300 }, (_, i) => `${tag}-${i}`),
      );
    }
  });

  it('When two processes claim the same waiting customers at the same time, then each is claimed exactly once', async () => {
    const dir = newDir();
    const stores = openIn(dir);
    const requests = buildWaitingCustomers(200);
    for (const request of requests) await stores.handoffs.request(request);
    const won = (await runTogether(dir, (agent) => ['test/storage/fixtures/claimAll.ts', dir, agent])).map(
      (stdout) => JSON.parse(stdout) as string[],
    );

    expect([...(won[0] ?? []), ...(won[1] ?? [])].sort()).toEqual(
      requests.map((r) => r.conversationId).sort(),
    );
    for (const [i, agent] of ['a', 'b'].entries()) {
      expect((await stores.handoffs.claimedBy(agent)).map((e) => e.conversationId).sort()).toEqual(
        [...(won[i] ?? [])].sort(),
      );
    }
    expect(await stores.handoffs.waiting()).toEqual([]);
  });
});
