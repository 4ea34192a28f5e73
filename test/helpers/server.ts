import type { AddressInfo } from 'node:net';
import { type App, type AppOptions, createApp, listen } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { tempDir } from './tempContent.js';

export type Running = { app: App; base: string; dataDir: string; stop(): Promise<void> };

/** The real app on a free port, with its own DATA_DIR. */
export async function startServer(
  options: AppOptions = {},
  env: Record<string, string> = {},
  logger: Logger = createLogger('silent'),
): Promise<Running> {
  const dataDir = tempDir();
  const app = await createApp(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }),
    logger,
    options,
  );
  const server = await listen(app, 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    base,
    dataDir,
    stop: async () => {
      await app.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** JSON request helper: answers status, headers and parsed body. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Open a conversation; answers its id and token. */
export async function openConversation(base: string, locale?: 'zh-CN' | 'en') {
  const r = await call(base, 'POST', '/api/v1/conversations', { body: locale ? { locale } : {} });
  if (r.status !== 201) throw new Error(`open failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { conversationId: string; token: string; expiresAt: string; messages: any[] };
}
