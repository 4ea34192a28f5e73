import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Why a token was refused; the API maps each to 401. */
type TokenProblem = 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'revoked';
export type TokenCheck =
  | { ok: true; conversationId: string; expiresAt: Date; issuedAt: number }
  | { ok: false; problem: TokenProblem };

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * Conversation tokens: `<payload>.<HMAC-SHA256>`, scoped to one conversation and expiring.
 * Stateless, so any instance with the same secret can check them.
 * @example const t = tokens.issue('c1'); tokens.check(t.token) // { ok: true, conversationId: 'c1', … }
 */
export class ConversationTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(conversationId: string): { token: string; expiresAt: Date } {
    const expiresAt = new Date(this.now() + this.ttlMs);
    const payload = b64(JSON.stringify({ c: conversationId, e: expiresAt.getTime(), i: this.now() }));
    return { token: `${payload}.${this.sign(payload)}`, expiresAt };
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, problem: 'missing' };
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return { ok: false, problem: 'malformed' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, problem: 'bad-signature' };
    let claims: { c?: unknown; e?: unknown; i?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    if (typeof claims.c !== 'string' || typeof claims.e !== 'number')
      return { ok: false, problem: 'malformed' };
    if (claims.e <= this.now()) return { ok: false, problem: 'expired' };
    const issuedAt = typeof claims.i === 'number' ? claims.i : claims.e - this.ttlMs;
    return { ok: true, conversationId: claims.c, expiresAt: new Date(claims.e), issuedAt };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/**
 * The token secret: the configured one, else one generated into `DATA_DIR/secrets/` on first
 * start (readable by the owner only) and reused after.
 */
export function tokenSecret(dataDir: string, configured?: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'token-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  writeFileSync(file, b64(secret), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
