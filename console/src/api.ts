import { timedFetch } from '../../widget/src/timedFetch.js';
import type { Agent, AgentErrorKind, CannedAnswer, CaseCard, CaseView, Line, Queue } from './types.js';

export class AgentError extends Error {
  constructor(
    readonly kind: AgentErrorKind,
    readonly status: number,
    readonly retryAfterS = 0,
  ) {
    super(`${kind} (${status})`);
  }
}

const TIMEOUT_MS = 20_000;

function kindOf(status: number, code: string | undefined): AgentErrorKind {
  if (code === 'account-locked') return 'locked';
  if (code === 'account-disabled') return 'disabled';
  if (code === 'invalid-credentials') return 'credentials';
  if (status === 429) return 'busy';
  if (status === 401) return 'session';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'missing';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** The agent API of CONTRACT §3: the session cookie goes by itself, the CSRF token with every write. */
export class AgentApi {
  csrfToken = '';

  constructor(private readonly base = '/api/v1/agent') {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    const res = await timedFetch(this.base + path, method, headers, body, 'same-origin', TIMEOUT_MS);
    if (!res) throw new AgentError('network', 0);
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
    if (!res.ok) {
      const retry = Number(res.headers.get('Retry-After'));
      throw new AgentError(
        kindOf(res.status, data?.error?.code),
        res.status,
        Number.isFinite(retry) ? retry : 0,
      );
    }
    if (data === undefined) throw new AgentError('server', res.status);
    return data as T;
  }

  private conv(id: string, rest = ''): string {
    return `/conversations/${encodeURIComponent(id)}${rest}`;
  }

  async login(username: string, password: string): Promise<Agent> {
    const r = await this.call<{ csrfToken: string; agent: Agent }>('POST', '/login', { username, password });
    this.csrfToken = r.csrfToken;
    return r.agent;
  }

  async logout(): Promise<void> {
    await this.call('POST', '/logout', {});
    this.csrfToken = '';
  }

  queue(): Promise<Queue> {
    return this.call('GET', '/queue');
  }

  async claim(id: string): Promise<CaseCard> {
    return (await this.call<{ conversation: CaseCard }>('POST', this.conv(id, '/claim'), {})).conversation;
  }

  view(id: string): Promise<CaseView> {
    return this.call('GET', this.conv(id));
  }

  async canned(id: string): Promise<CannedAnswer[]> {
    return (await this.call<{ answers: CannedAnswer[] }>('GET', this.conv(id, '/canned'))).answers ?? [];
  }

  async reply(id: string, text: string): Promise<Line> {
    return (await this.call<{ message: Line }>('POST', this.conv(id, '/messages'), { text })).message;
  }

  async release(id: string, outcome: string): Promise<CaseCard> {
    return (await this.call<{ conversation: CaseCard }>('POST', this.conv(id, '/release'), { outcome }))
      .conversation;
  }

  eventsUrl(): string {
    return `${this.base}/events`;
  }
}
