import type { Storage } from 'botbuilder';

/**
 * Revoked conversation tokens: every token of a conversation issued up to the moment of revocation
 * stops working. Kept in the conversation store, so every instance sees it (SQLite or Redis).
 * @example await revocations.revoke(conversationId); await revocations.revoked(conversationId, issuedAt)
 */
export class TokenRevocations {
  constructor(private readonly storage: Storage) {}

  private key(conversationId: string): string {
    return `anxin/revoked-tokens/${conversationId}`;
  }

  async revoke(conversationId: string, at = Date.now()): Promise<void> {
    await this.storage.write({ [this.key(conversationId)]: { at, eTag: '*' } });
  }

  /** Whether a token issued at `issuedAt` (ms) for this conversation was revoked since. */
  async revoked(conversationId: string, issuedAt: number): Promise<boolean> {
    const at = await this.revokedAt(conversationId);
    return at !== undefined && issuedAt <= at;
  }

  /** When the conversation's tokens were last revoked (ms), if ever. */
  private async revokedAt(conversationId: string): Promise<number | undefined> {
    const key = this.key(conversationId);
    return ((await this.storage.read([key]))[key] as { at?: number } | undefined)?.at;
  }
}
