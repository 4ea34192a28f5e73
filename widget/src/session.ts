import { load, save } from './safeStorage.js';
import type { Session } from './types.js';

/** The saved conversation, unless it has expired. */
export function loadSession(now = Date.now()): Session | undefined {
  const s = load<Session>('session');
  if (!s || typeof s.conversationId !== 'string' || typeof s.token !== 'string') return undefined;
  if (Date.parse(s.expiresAt) <= now) return undefined;
  return s;
}

export function saveSession(session: Session | undefined): void {
  save('session', session);
}

/** The answers given to "was this helpful?", by message id, for the saved conversation. */
export function loadFeedback(conversationId: string): Record<string, boolean> {
  const f = load<{ conversationId: string; given: Record<string, boolean> }>('feedback');
  return f?.conversationId === conversationId ? f.given : {};
}

export function saveFeedback(conversationId: string, given: Record<string, boolean>): void {
  save('feedback', { conversationId, given });
}
