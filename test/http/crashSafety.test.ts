import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/storage/sqlite/openSqliteStores.js';
import { startProcess } from '../helpers/processServer.js';
import { tempDir } from '../helpers/tempContent.js';

let child: ChildProcess | undefined;
afterAll(() => child?.kill('SIGKILL'));

describe('Crash safety', () => {
  it('When the server is killed (SIGKILL) in the middle of a stream of messages, then every acknowledged message and its answer are in the store', async () => {
    const dataDir = tempDir();
    const started = await startProcess(dataDir);
    child = started.child;
    const conversations = await Promise.all(
      [0, 1, 2].map(async () => {
        const open = await fetch(`${started.base}/api/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        return (await open.json()) as { conversationId: string; token: string };
      }),
    );
    const acknowledged: { conversationId: string; clientMessageId: string }[] = [];
    const texts = ['停息挂账靠谱吗', '信用卡还不上了', '征信有错怎么办', '催收骂人怎么投诉', '12378是什么'];
    let killed = false;
    let kill: () => void = () => {};
    const killedOnce = new Promise<void>((r) => {
      kill = r;
    });
    // One sender per conversation, all at once, so the kill lands while turns are in flight.
    const sender = async (
      { conversationId, token }: { conversationId: string; token: string },
      n: number,
    ) => {
      for (let i = 0; !killed && i < 25; i++) {
        const clientMessageId = `s${n}-${i}`;
        try {
          const res = await fetch(`${started.base}/api/v1/conversations/${conversationId}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ text: texts[i % texts.length], clientMessageId }),
          });
          if (res.status === 200) acknowledged.push({ conversationId, clientMessageId });
          if (acknowledged.length >= 20) kill();
        } catch {
          return; // the server is gone
        }
      }
    };
    const senders = conversations.map(sender);
    await killedOnce;
    started.child.kill('SIGKILL');
    killed = true;
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const stores = openSqliteStores(dataDir);
    try {
      for (const { conversationId, clientMessageId } of acknowledged) {
        const customer = await stores.transcripts.byClientMessageId(conversationId, clientMessageId);
        expect(customer, clientMessageId).toBeDefined();
        const replies = await stores.transcripts.repliesTo(conversationId, customer?.id ?? '');
        expect(replies.length, clientMessageId).toBeGreaterThan(0);
      }
    } finally {
      await stores.close();
    }
  });

  it('When the server gets SIGTERM, then it finishes, closes the store and exits 0', async () => {
    const dataDir = tempDir();
    const started = await startProcess(dataDir);
    child = started.child;
    let log = '';
    started.child.stdout?.on('data', (chunk) => {
      log += String(chunk);
    });
    const exited = new Promise<number | null>((r) => started.child.once('exit', r));
    const open = await fetch(`${started.base}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { conversationId, token } = (await open.json()) as { conversationId: string; token: string };
    // The event stream says "typing" when the turn has started: that is when SIGTERM lands.
    const events = await fetch(
      `${started.base}/api/v1/conversations/${conversationId}/events?token=${token}`,
    );
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    const inFlight = fetch(`${started.base}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: '停息挂账靠谱吗', clientMessageId: 'last' }),
    });
    for (let seen = ''; !seen.includes('event: typing'); )
      seen += new TextDecoder().decode((await reader.read()).value);
    started.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
    expect(log).toMatch(/"msg":"stopped"/);
    expect((await reader.read()).done).toBe(true);
    const stores = openSqliteStores(dataDir);
    try {
      expect(await stores.transcripts.byClientMessageId(conversationId, 'last')).toBeDefined();
    } finally {
      await stores.close();
    }
  });
});
