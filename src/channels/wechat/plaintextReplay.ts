import { createHash } from 'node:crypto';
import type { Bindings } from '../../coordination/bindings.js';

/** Longer than a signature stays fresh (a timestamp ±5 minutes). */
export const SIGNATURE_MEMORY_MS = 11 * 60_000;

/**
 * In plaintext mode WeChat's signature covers the timestamp and nonce but not the message, so a
 * signed URL seen by someone else could carry any message. The first message a (timestamp, nonce)
 * arrived with is the only one it may carry: the same message again is a retry (answered from the
 * transcript), another one is refused every time. The signature is bound to its first message's
 * digest in one atomic step (`seen`, bindings that last SIGNATURE_MEMORY_MS, shared through Redis
 * when there are several instances); a refused message is never recorded, so it never becomes
 * the bound one.
 * @example if (!(await sameMessage(seen, 'main', q.timestamp, q.nonce, body))) refuse 401
 */
export async function sameMessage(
  seen: Bindings,
  account: string,
  timestamp: string,
  nonce: string,
  body: string,
): Promise<boolean> {
  const signature = `${account}:${timestamp}:${nonce}`;
  const digest = createHash('sha256').update(body).digest('base64url');
  return (await seen.bind(signature, digest)) === digest;
}
