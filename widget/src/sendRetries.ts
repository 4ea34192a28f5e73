import type { ApiError } from './api.js';

const NETWORK_RETRIES = 3;
const BUSY_RETRIES = 5;

/** After a failed send: wait and send again, start a new conversation and send again, or give up. */
export type NextStep =
  | { kind: 'wait'; ms: number; busy: boolean }
  | { kind: 'restart' }
  | { kind: 'give-up' };

/**
 * The retry policy of one customer message. Every resend carries the same clientMessageId, so
 * the server runs the turn once however often it is sent.
 * @example const step = retries.after(err) // { kind: 'wait', ms: 2000, busy: false }
 */
export class SendRetries {
  private failures = 0;
  private waits = 0;
  private restarted = false;

  after(err: ApiError): NextStep {
    if (err.kind === 'busy' && this.waits++ < BUSY_RETRIES) {
      return { kind: 'wait', ms: err.retryAfterS * 1000, busy: true };
    }
    if (err.kind === 'session' && !this.restarted) {
      this.restarted = true;
      return { kind: 'restart' };
    }
    if ((err.kind === 'network' || err.kind === 'server') && this.failures < NETWORK_RETRIES) {
      return { kind: 'wait', ms: 1000 * 2 ** this.failures++, busy: false };
    }
    return { kind: 'give-up' };
  }
}
