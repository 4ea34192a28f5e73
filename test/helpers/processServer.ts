import { type ChildProcess, spawn } from 'node:child_process';

/** Start `src/main.ts` in its own process; resolves with its base URL once it listens. */
export function startProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port && /listening/.test(out)) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${out.slice(-500)}`)),
    );
  });
}

/**
 * Customers sending messages on their own conversations until `stop()`; resolves each sender when
 * its server is gone. `acknowledged` lists every message answered 200.
 */
export function burst(targets: { base: string; conversationId: string; token: string }[]) {
  const texts = ['停息挂账靠谱吗', '信用卡还不上了', '征信有错怎么办', '催收骂人怎么投诉', '12378是什么'];
  const acknowledged: { conversationId: string; clientMessageId: string }[] = [];
  let stopped = false;
  const senders = targets.map(async ({ base, conversationId, token }, n) => {
    for (let i = 0; !stopped && i < 25; i++) {
      const clientMessageId = `s${n}-${i}`;
      try {
        const res = await fetch(`${base}/api/v1/conversations/${conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text: texts[i % texts.length], clientMessageId }),
        });
        if (res.status === 200) acknowledged.push({ conversationId, clientMessageId });
      } catch {
        return; // the server is gone
      }
    }
  });
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(senders);
    },
  };
}
