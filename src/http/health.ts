import { Router } from 'express';

/** What readiness depends on: each check answers true when its part can serve. */
export type ReadinessCheck = { name: string; ready: () => boolean | Promise<boolean> };

/**
 * `/healthz` says the process is up; `/readyz` says every dependency is (503 with the failing names otherwise).
 * @example app.use(healthRouter([{ name: 'knowledge', ready: () => index !== undefined }]))
 */
export function healthRouter(checks: readonly ReadinessCheck[]): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => ({ name: c.name, ready: await Promise.resolve(c.ready()).catch(() => false) })),
    );
    const failing = results.filter((r) => !r.ready).map((r) => r.name);
    res
      .status(failing.length ? 503 : 200)
      .json({ status: failing.length ? 'unavailable' : 'ready', failing });
  });
  return router;
}
