import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { tempDir } from '../helpers/tempContent.js';

describe('the server', () => {
  let app: App;
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    app = await createApp(loadConfig({ DATA_DIR: tempDir(), LOG_LEVEL: 'silent' }), createLogger('silent'));
    const server = app.express.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('When /healthz is asked, then the process says it is up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('When the knowledge base is loaded, then /readyz answers ready', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', failing: [] });
  });
});
