import { type Response, Router } from 'express';
import { cors } from '../../http/security.js';
import type { Channel } from '../channel.js';
import { type CustomerApiDeps, customerApi } from './customerApi.js';
import { openApiDocument } from './openapi.js';

/**
 * The web widget and the mobile in-app chat: the customer API of CONTRACT §2 under `/api/v1`
 * (CORS for the configured origins), its OpenAPI document, and the SSE streams it ends on shutdown.
 * @example app.use(webChannel({ stores, tokens, bus, runner, limits, revocations, bodyLimit, corsOrigins }).router)
 */
export function webChannel(
  deps: Omit<CustomerApiDeps, 'streams'> & { corsOrigins: readonly string[] },
): Channel {
  const streams = new Set<Response>();
  const router = Router();
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.use('/api/v1', cors(deps.corsOrigins), customerApi({ ...deps, streams }));
  return {
    name: 'web',
    router,
    close: () => {
      for (const res of streams) res.end();
    },
  };
}
