import { button, el } from '../../widget/src/dom.js';
import { Announcer } from './announcer.js';
import { type AgentApi, AgentError } from './api.js';
import { caseView, noCaseView } from './caseView.js';
import { type Strings, stringsFor } from './i18n/strings.js';
import { lineView } from './lineView.js';
import { openLive } from './liveEvents.js';
import { loginView } from './loginView.js';
import { queueView, tickWaiting } from './queueView.js';
import { loadLocale, loadSession, saveLocale, saveSession } from './session.js';
import type { Agent, CannedAnswer, CaseView, Line, Locale, Queue } from './types.js';

/** The queue is read again this often even without events (a new request may not announce itself). */
const POLL_MS = 15_000;

/**
 * The agent console: login, the live queue, one open case, and what the agent does with it.
 * State lives here; views are plain functions re-rendered from it, keeping the focused control.
 */
export class ConsoleApp {
  private locale: Locale = loadLocale();
  private t: Strings = stringsFor(this.locale);
  private agent?: Agent;
  private queue: Queue = { waiting: [], claimed: [] };
  private queueAt = Date.now();
  private current?: CaseView;
  private currentAt = Date.now();
  private draft = '';
  private canned: CannedAnswer[] = [];
  private readonly unread = new Map<string, number>();
  private stopLive?: () => void;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly announcer = new Announcer();
  private readonly alert = el('div', { class: 'ac-alert', role: 'alert' });
  private readonly liveState = el('p', { class: 'ac-live' });
  private readonly queueSlot = el('div', { class: 'ac-queue-slot' });
  private readonly caseSlot = el('div', { class: 'ac-case-slot' });

  constructor(
    private readonly root: HTMLElement,
    private readonly api: AgentApi,
  ) {}

  start(): void {
    const saved = loadSession();
    if (!saved) {
      this.render();
      return;
    }
    this.api.csrfToken = saved.csrfToken;
    this.agent = saved.agent;
    this.enter();
  }

  private enter(): void {
    this.render();
    void this.refreshQueue();
    this.stopLive = openLive(this.api.eventsUrl(), {
      queue: () => void this.refreshQueue(),
      message: (id, line) => this.customerLine(id, line),
      connected: (ok) => {
        this.liveState.textContent = ok ? '' : this.t.liveLost;
      },
    });
    this.timers.push(
      setInterval(() => tickWaiting(this.root, this.t), 1000),
      setInterval(() => void this.refreshQueue(), POLL_MS),
    );
  }

  private endSession(notice?: string): void {
    this.stopLive?.();
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    saveSession(undefined);
    this.api.csrfToken = '';
    this.agent = undefined;
    this.current = undefined;
    this.draft = '';
    this.unread.clear();
    this.alert.textContent = '';
    this.liveState.textContent = '';
    this.render(notice);
    this.root.querySelector<HTMLElement>('#ac-user')?.focus();
  }

  /** Show a failed call plainly; a lost session goes back to the login form. */
  private fail(err: unknown): void {
    const kind = err instanceof AgentError ? err.kind : 'server';
    if (kind === 'session') this.endSession(this.t.sessionEnded);
    else this.alert.textContent = this.t.problem(kind);
  }

  private async login(username: string, password: string): Promise<string | undefined> {
    try {
      this.agent = await this.api.login(username, password);
    } catch (err) {
      const e = err instanceof AgentError ? err : new AgentError('server', 0);
      return this.t.loginError(e.kind, e.retryAfterS);
    }
    saveSession({ csrfToken: this.api.csrfToken, agent: this.agent });
    this.enter();
    this.focus('#ac-waiting-h');
    return undefined;
  }

  private async logout(): Promise<void> {
    await this.api.logout().catch(() => undefined);
    this.endSession();
  }

  private switchLocale(): void {
    this.locale = this.locale === 'en' ? 'zh-CN' : 'en';
    this.t = stringsFor(this.locale);
    saveLocale(this.locale);
    this.keepingFocus(() => this.render());
  }

  private async refreshQueue(): Promise<void> {
    if (!this.agent) return;
    try {
      this.queue = await this.api.queue();
    } catch (err) {
      return this.fail(err);
    }
    this.queueAt = Date.now();
    const held = new Set(this.queue.claimed.map((c) => c.id));
    for (const id of this.unread.keys()) if (!held.has(id)) this.unread.delete(id);
    this.keepingFocus(() => this.renderQueue());
    // The open case was waiting and someone else took it meanwhile: read it again (or close it).
    const open = this.current?.summary;
    if (open?.state === 'queued' && !this.queue.waiting.some((c) => c.id === open.id))
      await this.openCase(open.id, false);
  }

  private async claim(id: string): Promise<void> {
    this.alert.textContent = '';
    try {
      await this.api.claim(id);
    } catch (err) {
      this.fail(err);
      return this.refreshQueue();
    }
    this.announcer.say(this.t.claimed);
    this.draft = '';
    await this.openCase(id, true);
    await this.refreshQueue();
  }

  private async openCase(id: string, focus: boolean): Promise<void> {
    try {
      const view = await this.api.view(id);
      if (this.current?.summary.id !== id) this.draft = '';
      const mine = view.summary.state === 'accepted' && view.summary.agent === this.agent?.username;
      // Without them the quick phrases still serve: a failure here is not worth an alert.
      this.canned = mine ? await this.api.canned(id).catch(() => []) : [];
      this.current = view;
      this.currentAt = Date.now();
    } catch (err) {
      if (this.current?.summary.id === id) this.current = undefined;
      this.renderCase();
      return this.fail(err);
    }
    this.unread.delete(id);
    this.keepingFocus(() => {
      this.renderCase();
      this.renderQueue();
    });
    if (focus) this.focus('#ac-case-h');
  }

  private async reply(id: string, text: string): Promise<boolean> {
    try {
      const line = await this.api.reply(id, text);
      this.appendLine(id, line);
      this.announcer.say(this.t.reply.sent);
      this.alert.textContent = '';
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  private async release(id: string, outcome: string): Promise<boolean> {
    try {
      await this.api.release(id, outcome);
    } catch (err) {
      this.fail(err);
      return false;
    }
    this.announcer.say(this.t.release.done);
    this.current = undefined;
    this.draft = '';
    this.renderCase();
    await this.refreshQueue();
    this.focus('#ac-waiting-h');
    return true;
  }

  /** A customer's message, live: into the open case (and read out), or counted on its card. */
  private customerLine(id: string, line: Line): void {
    if (this.current?.summary.id === id) {
      this.appendLine(id, line);
      if (line.role === 'customer') this.announcer.say(this.t.customerSays(line.text));
      return;
    }
    this.unread.set(id, (this.unread.get(id) ?? 0) + 1);
    this.keepingFocus(() => this.renderQueue());
  }

  private appendLine(id: string, line: Line): void {
    const view = this.current;
    if (view?.summary.id !== id || (line.id && view.transcript.some((l) => l.id === line.id))) return;
    view.transcript.push(line);
    const list = this.caseSlot.querySelector('.ac-transcript');
    list?.append(lineView(this.t, line));
    if (list) list.scrollTop = list.scrollHeight;
  }

  private render(notice?: string): void {
    const t = this.t;
    document.documentElement.lang = t.lang;
    document.title = t.title;
    const locale = button(
      'ac-btn ac-btn--quiet',
      t.switchLocale,
      () => this.switchLocale(),
      t.switchLocaleLabel,
    );
    locale.lang = t.lang === 'en' ? 'zh-CN' : 'en';
    locale.dataset.focus = 'locale';
    const header = el(
      'header',
      { class: 'ac-top' },
      el('h1', {}, t.title),
      this.liveState,
      this.agent
        ? el('p', { class: 'ac-me' }, t.signedInAs(this.agent.username, this.agent.role === 'admin'))
        : null,
      locale,
      this.agent ? button('ac-btn ac-btn--quiet', t.logout, () => void this.logout()) : null,
    );
    const main = el('main', { class: this.agent ? 'ac-main' : 'ac-main ac-main--login' }, this.alert);
    if (this.agent) {
      main.append(this.queueSlot, this.caseSlot);
      this.renderQueue();
      this.renderCase();
    } else main.append(loginView(t, (u, p) => this.login(u, p), notice));
    main.append(this.announcer.element);
    this.root.replaceChildren(header, main);
  }

  private renderQueue(): void {
    if (!this.agent) return;
    this.queueSlot.replaceChildren(
      queueView(this.t, this.agent, this.queue, this.queueAt, this.unread, {
        claim: (id) => void this.claim(id),
        open: (id) => void this.openCase(id, true),
      }),
    );
  }

  private renderCase(): void {
    if (!this.agent) return;
    const view = this.current
      ? caseView(this.t, this.agent, this.current, this.currentAt, this.draft, this.canned, {
          claim: (id) => void this.claim(id),
          reply: (id, text) => this.reply(id, text),
          release: (id, outcome) => this.release(id, outcome),
          draft: (text) => {
            this.draft = text;
          },
        })
      : noCaseView(this.t);
    this.caseSlot.replaceChildren(view);
    const list = view.querySelector('.ac-transcript');
    if (list) list.scrollTop = list.scrollHeight;
  }

  private focus(selector: string): void {
    this.root.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Re-render without losing the keyboard user's place: the control with the same key gets focus back. */
  private keepingFocus(render: () => void): void {
    const active = document.activeElement as HTMLElement | null;
    const key = active?.dataset.focus;
    const id = active?.id;
    render();
    if (active && !active.isConnected) {
      const again = key
        ? this.root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)
        : id
          ? this.root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)
          : null;
      again?.focus();
    }
  }
}
