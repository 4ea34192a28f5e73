import { timedFetch } from './timedFetch.js';
import type { Handoff, Locale, Message, Session } from './types.js';

/**
 * Why a call failed, in the terms the widget acts on: `network` (no answer: retry as it was),
 * `busy` (429: wait `retryAfterS`), `session` (401/403/404: start a new conversation),
 * `rejected` (400/409/413: do not retry), `server` (5xx: retry later).
 */
export type ApiErrorKind = 'network' | 'busy' | 'session' | 'rejected' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly retryAfterS = 0,
  ) {
    super(`${kind} (${status})`);
  }
}

const TURN_TIMEOUT_MS = 45_000;

function kindOf(status: number): ApiErrorKind {
  if (status === 429) return 'busy';
  if (status === 401 || status === 403 || status === 404) return 'session';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** Retry-After in seconds (a number or an HTTP date), kept between 1 s and 2 min. */
function retryAfter(header: string | null): number {
  if (!header) return 5;
  const n = Number(header);
  const s = Number.isFinite(n) ? n : (Date.parse(header) - Date.now()) / 1000;
  return Math.min(120, Math.max(1, Math.ceil(Number.isFinite(s) ? s : 5)));
}

/** The customer HTTP API of CONTRACT §2. @example await new Api('/api/v1').create('zh-CN') */
export class Api {
  constructor(private readonly base: string) {}

  private async call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await timedFetch(this.base + path, method, headers, body, 'omit', TURN_TIMEOUT_MS);
    if (!res) throw new ApiError('network', 0);
    if (!res.ok)
      throw new ApiError(kindOf(res.status), res.status, retryAfter(res.headers.get('Retry-After')));
    if (res.status === 204) return undefined as T;
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError('server', res.status);
    }
  }

  private path(s: Session, rest: string): string {
    return `/conversations/${encodeURIComponent(s.conversationId)}${rest}`;
  }

  async create(locale: Locale): Promise<{ session: Session; messages: Message[] }> {
    const r = await this.call<{
      conversationId: string;
      token: string;
      expiresAt: string;
      messages: Message[];
    }>('POST', '/conversations', undefined, { locale, channel: 'web' });
    return {
      session: { conversationId: r.conversationId, token: r.token, expiresAt: r.expiresAt, locale },
      messages: r.messages ?? [],
    };
  }

  /** One turn: the bot's replies, and the customer's own text as the server stored it (masked). */
  async send(
    s: Session,
    text: string,
    clientMessageId: string,
  ): Promise<{ messages: Message[]; customerText?: string }> {
    const r = await this.call<{ messages?: Message[]; customerText?: string }>(
      'POST',
      this.path(s, '/messages'),
      s.token,
      { text, clientMessageId },
    );
    return { messages: r.messages ?? [], ...(r.customerText ? { customerText: r.customerText } : {}) };
  }

  async transcript(s: Session): Promise<Message[]> {
    return (
      (await this.call<{ messages: Message[] }>('GET', this.path(s, '/messages'), s.token)).messages ?? []
    );
  }

  async handoff(s: Session, reason?: string): Promise<Handoff> {
    const body = reason ? { reason } : {};
    return (await this.call<{ handoff: Handoff }>('POST', this.path(s, '/handoff'), s.token, body)).handoff;
  }

  feedback(s: Session, messageId: string, helpful: boolean): Promise<void> {
    return this.call('POST', this.path(s, '/feedback'), s.token, { messageId, helpful });
  }

  eventsUrl(s: Session): string {
    return `${this.base}${this.path(s, '/events')}?token=${encodeURIComponent(s.token)}`;
  }
}
