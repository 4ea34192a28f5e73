import { type Api, ApiError } from './api.js';
import { clientMessageId } from './clientId.js';
import { openStream } from './eventStream.js';
import { problemText, type Strings, stringsFor } from './i18n/strings.js';
import { Panel } from './panel.js';
import { loadPrefs, type Prefs, savePrefs } from './prefs.js';
import { SendRetries } from './sendRetries.js';
import { loadFeedback, loadSession, saveFeedback, saveSession } from './session.js';
import { sleep } from './sleep.js';
import { customerMessage, fromTranscript, merge, newerThanShown, note, spoken } from './transcript.js';
import type { Handoff, Locale, Message, Session, ShownMessage } from './types.js';
import { TypingState } from './typingState.js';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('network', 0));

/**
 * One customer's chat: opens or restores the conversation, sends turns in order (a resend keeps
 * its clientMessageId), follows the event stream, and tells the panel what to show.
 */
export class Chat {
  readonly panel: Panel;
  private readonly prefs: Prefs;
  private t: Strings;
  private session: Session | undefined;
  private messages: ShownMessage[] = [];
  private feedback: Record<string, boolean> = {};
  private handoff: Handoff | undefined;
  private starting: Promise<Session> | undefined;
  private turns: Promise<void> = Promise.resolve();
  private readonly typing = new TypingState((who) => this.panel.list.setTyping(who && this.t.typing[who]));
  private stopStream: (() => void) | undefined;
  private retry: () => void = () => {};

  constructor(
    private readonly api: Api,
    title: string | undefined,
    pageLocale: Locale,
  ) {
    this.prefs = loadPrefs();
    this.t = stringsFor(this.locale(pageLocale));
    this.panel = new Panel(title, {
      send: (text) => this.send(text),
      action: (value) => this.send(value),
      resend: (id) => this.resend(id),
      feedback: (id, helpful) => void this.giveFeedback(id, helpful),
      opened: () => this.opened(),
      closed: () => this.remember({ open: false }),
      switchLocale: () => this.switchLocale(),
      toggleLargeText: () => this.toggleLargeText(),
      talkToPerson: () => this.talkToPerson(),
      dismissPrivacy: () => {
        this.remember({ privacySeen: true });
        this.panel.showPrivacy(false);
      },
      retry: () => this.retry(),
    });
    this.panel.setStrings(this.t, this.prefs.largeText);
  }

  /** Reopen the panel after a page load when the customer left it open. */
  restoreOpen(): void {
    if (this.prefs.open) this.panel.open(false);
  }

  private locale(pageLocale: Locale): Locale {
    return this.prefs.locale ?? pageLocale;
  }

  private remember(change: Partial<Prefs>): void {
    Object.assign(this.prefs, change);
    savePrefs(this.prefs);
  }

  private opened(): void {
    this.remember({ open: true });
    this.panel.showPrivacy(!this.prefs.privacySeen);
    this.ready().catch(() => {});
  }

  /** The conversation: the saved one with its transcript, or a new one. Shows "server down" on failure. */
  private ready(): Promise<Session> {
    if (!this.starting) {
      this.panel.list.setTyping(this.t.connecting);
      this.starting = this.restoreOrCreate().then(
        (s) => {
          this.panel.setError(undefined);
          this.typing.update();
          return s;
        },
        (e: unknown) => {
          this.starting = undefined;
          this.typing.update();
          this.fail(asApiError(e), () => void this.ready().catch(() => {}));
          throw e;
        },
      );
    }
    return this.starting;
  }

  private async restoreOrCreate(): Promise<Session> {
    const saved = loadSession();
    if (saved) {
      try {
        const transcript = await this.api.transcript(saved);
        this.adopt(saved, fromTranscript(transcript, loadFeedback(saved.conversationId)));
        return saved;
      } catch (e) {
        if (asApiError(e).kind !== 'session') throw e;
      }
    }
    return this.create();
  }

  /** Start a new conversation in the chosen language; `before` and `after` its welcome stay shown. */
  private async create(before: ShownMessage[] = [], after: ShownMessage[] = []): Promise<Session> {
    const { session, messages } = await this.api.create(this.t.lang === 'en' ? 'en' : 'zh-CN');
    saveSession(session);
    this.adopt(session, [...before, ...messages.map((m) => ({ ...m, welcome: true })), ...after]);
    return session;
  }

  private adopt(session: Session, messages: ShownMessage[]): void {
    this.session = session;
    this.messages = messages;
    this.feedback = loadFeedback(session.conversationId);
    this.handoff = undefined;
    for (const m of messages) if (m.handoff) this.handoff = m.handoff;
    this.panel.setStatus(this.handoff && this.t.handoff(this.handoff));
    this.draw();
    this.stopStream?.();
    this.stopStream = openStream(this.api.eventsUrl(session), {
      message: (m) => this.receive([m]),
      handoff: (h) => this.setHandoff(h),
      typing: (who) => {
        if (who === 'agent') this.typing.agentTyping();
      },
    });
  }

  private draw(): void {
    this.panel.list.sync(this.messages, this.t);
  }

  private receive(incoming: Message[]): void {
    const added = merge(this.messages, incoming);
    for (const m of added) {
      if (m.handoff) this.setHandoff(m.handoff);
      if (m.role === 'agent') this.typing.agentSpoke();
    }
    this.draw();
    this.typing.update();
    for (const m of added) {
      if (m.role !== 'customer') this.panel.announcer.say(`${this.t.who[m.role]}：${spoken(m.text)}`);
    }
  }

  private setHandoff(h: Handoff): void {
    this.handoff = h;
    this.panel.setStatus(this.t.handoff(h));
  }

  private send(text: string): void {
    const m = customerMessage(clientMessageId(), text);
    this.messages.push(m);
    this.draw();
    this.panel.composer.focus();
    this.turns = this.turns.then(() => this.deliver(m));
  }

  private resend(id: string): void {
    const m = this.messages.find((x) => x.id === id);
    if (m?.delivery !== 'failed') return;
    m.delivery = 'sending';
    this.panel.setError(undefined);
    this.draw();
    this.turns = this.turns.then(() => this.deliver(m));
  }

  /** One turn; network and server errors are retried with the same clientMessageId (m.id). */
  private async deliver(m: ShownMessage): Promise<void> {
    this.typing.turnStarted();
    const retries = new SendRetries();
    try {
      for (;;) {
        try {
          const session = await this.ready();
          const { messages: replies, customerText } = await this.api.send(session, m.text, m.id);
          // Card and ID numbers typed by the customer are shown masked from now on, not only after a reload.
          if (customerText) m.text = customerText;
          m.delivery = undefined;
          this.panel.setError(undefined);
          this.receive(replies);
          return;
        } catch (e) {
          const err = asApiError(e);
          const step = retries.after(err);
          if (step.kind === 'give-up') {
            m.delivery = 'failed';
            this.fail(err, () => this.resendFailed());
            return;
          }
          if (step.kind === 'restart') {
            this.starting = this.create([note(this.t.restarted)], [m]);
            await this.starting.catch(() => {});
            continue;
          }
          if (step.busy) this.panel.setStatus(this.t.rateLimited(err.retryAfterS));
          await sleep(step.ms);
          if (step.busy) this.panel.setStatus(this.handoff && this.t.handoff(this.handoff));
        }
      }
    } finally {
      this.draw();
      this.typing.turnEnded();
    }
  }

  private resendFailed(): void {
    for (const m of this.messages) if (m.delivery === 'failed') this.resend(m.id);
  }

  /** Tell the customer plainly; never a status code or a server message. */
  private fail(err: ApiError, retry: () => void): void {
    this.retry = retry;
    this.panel.setError(problemText(this.t, err.kind, err.retryAfterS), err.kind !== 'rejected');
  }

  /** "Talk to a person" runs as a turn on the server, so it waits for the turns before it. */
  private talkToPerson(): void {
    this.turns = this.turns.then(() => this.requestHandoff());
  }

  private async requestHandoff(): Promise<void> {
    this.typing.turnStarted();
    try {
      const session = await this.ready();
      this.setHandoff(await this.api.handoff(session));
      this.panel.setError(undefined);
      await this.resync(session);
    } catch (e) {
      this.fail(asApiError(e), () => this.talkToPerson());
    } finally {
      this.typing.turnEnded();
    }
  }

  /** Show what the server's transcript has after the last message shown (what the handoff turn said). */
  private async resync(session: Session): Promise<void> {
    const transcript = await this.api.transcript(session).catch(() => undefined);
    if (!transcript || this.session !== session) return;
    this.receive(newerThanShown(transcript, this.messages));
  }

  private async giveFeedback(id: string, helpful: boolean): Promise<void> {
    const m = this.messages.find((x) => x.id === id);
    const session = this.session;
    if (!m || !session) return;
    const before = m.helpful;
    m.helpful = helpful;
    this.draw();
    try {
      await this.api.feedback(session, id, helpful);
      this.feedback[id] = helpful;
      saveFeedback(session.conversationId, this.feedback);
    } catch {
      m.helpful = before;
      this.draw();
    }
  }

  private switchLocale(): void {
    const locale: Locale = this.t.lang === 'en' ? 'zh-CN' : 'en';
    this.remember({ locale });
    this.t = stringsFor(locale);
    this.panel.setStrings(this.t, this.prefs.largeText);
    this.panel.showPrivacy(this.panel.isOpen && !this.prefs.privacySeen);
    this.panel.setStatus(this.handoff && this.t.handoff(this.handoff));
    this.draw();
    this.typing.update();
    // The bot keeps a conversation's language, so a new language means a new conversation.
    if (this.session) {
      this.turns = this.turns.then(async () => {
        const said = this.messages.some((m) => m.role === 'customer');
        this.starting = this.create(said ? [note(this.t.newLanguage)] : []);
        await this.starting.catch((e: unknown) => {
          this.starting = undefined;
          this.fail(asApiError(e), () => void this.ready().catch(() => {}));
        });
      });
    }
  }

  private toggleLargeText(): void {
    this.remember({ largeText: !this.prefs.largeText });
    this.panel.setLargeText(this.prefs.largeText);
  }
}
