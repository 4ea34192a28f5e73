import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger.js';

/** How old a signed request may be (replays are refused after this). */
const SIGNATURE_WINDOW_S = 300;

/** `sha256=<hex>` of `<timestamp>.<body>` with the shared secret. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a request from the contact centre is signed with the shared secret, and fresh. */
export function verify(
  secret: string,
  timestamp: string | undefined,
  body: string,
  signature: string | undefined,
  nowS = Date.now() / 1000,
): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowS - Number(timestamp)) > SIGNATURE_WINDOW_S) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Delivers `handoff.initiate` events to a bank's own contact centre, signed with HMAC-SHA256
 * (`X-Anxin-Timestamp`, `X-Anxin-Signature`), retrying a few times on failure.
 * @example await webhook.deliver(event)
 */
export class HandoffWebhook {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly logger: Logger,
    private readonly attempts = 3,
  ) {}

  async deliver(event: Record<string, unknown>): Promise<boolean> {
    const body = JSON.stringify(event);
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        const res = await fetch(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-anxin-timestamp': timestamp,
            'x-anxin-signature': sign(this.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) return true;
        this.logger.warn({ status: res.status, attempt }, 'handoff webhook refused the event');
      } catch (err) {
        this.logger.warn({ err: String(err), attempt }, 'handoff webhook unreachable');
      }
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
    this.logger.error(
      { url: new URL(this.url).origin },
      'handoff webhook failed; the request stays in the queue',
    );
    return false;
  }
}
