import { Announcer } from './announcer.js';
import { Composer } from './composer.js';
import { button, el } from './dom.js';
import { trapFocus } from './focus.js';
import type { Strings } from './i18n/strings.js';
import { Launcher } from './launcher.js';
import { MessageList } from './messageList.js';
import type { MessageHandlers } from './messageView.js';

export type PanelHandlers = MessageHandlers & {
  send(text: string): void;
  opened(): void;
  closed(): void;
  switchLocale(): void;
  toggleLargeText(): void;
  talkToPerson(): void;
  dismissPrivacy(): void;
  retry(): void;
};

const PANEL_ID = 'anxin-panel';
const PHONE = '(max-width: 480px)';

/**
 * Everything the customer sees: the launcher and the chat dialog (header with language,
 * large-text and close buttons; privacy notice; transcript; status line; "talk to a person";
 * text box). It shows what the chat tells it and reports what the customer does.
 */
export class Panel {
  readonly root = el('div', { class: 'anxin-root' });
  readonly launcher: Launcher;
  readonly list: MessageList;
  readonly composer: Composer;
  readonly announcer = new Announcer();
  private readonly dialog = el('section', {
    class: 'anxin-panel',
    id: PANEL_ID,
    role: 'dialog',
    hidden: true,
  });
  private readonly heading = el('h2', { class: 'anxin-title', id: 'anxin-title' });
  private readonly subtitle = el('p', { class: 'anxin-subtitle' });
  private readonly localeButton: HTMLButtonElement;
  private readonly largeButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly privacy = el('div', { class: 'anxin-privacy', hidden: true });
  private readonly status = el('div', { class: 'anxin-status', role: 'status' });
  private readonly error = el('div', { class: 'anxin-error', role: 'alert' });
  private readonly personButton: HTMLButtonElement;
  private t!: Strings;

  constructor(
    private readonly title: string | undefined,
    private readonly on: PanelHandlers,
  ) {
    this.launcher = new Launcher(PANEL_ID, () => (this.isOpen ? this.close() : this.open(true)));
    this.list = new MessageList(on, '');
    this.composer = new Composer((text) => on.send(text));
    this.localeButton = button('anxin-tool', '', () => on.switchLocale());
    this.largeButton = button('anxin-tool', '', () => on.toggleLargeText());
    this.closeButton = button('anxin-tool anxin-tool--close', '', () => this.close());
    this.personButton = button('anxin-person', '', () => on.talkToPerson());
    const header = el(
      'header',
      { class: 'anxin-header' },
      el('div', { class: 'anxin-heading' }, this.heading, this.subtitle),
      el('div', { class: 'anxin-tools' }, this.localeButton, this.largeButton, this.closeButton),
    );
    this.dialog.append(
      header,
      this.privacy,
      this.list.element,
      this.status,
      this.error,
      el('div', { class: 'anxin-bar' }, this.personButton),
      this.composer.element,
      this.announcer.element,
    );
    this.root.append(this.launcher.element, this.dialog);
    this.dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
    trapFocus(this.dialog, () => window.matchMedia(PHONE).matches);
  }

  get isOpen(): boolean {
    return !this.dialog.hidden;
  }

  /** `moveFocus` is false when the panel reopens by itself after a page load. */
  open(moveFocus: boolean): void {
    if (this.isOpen) return;
    this.dialog.hidden = false;
    this.root.classList.add('anxin-root--open');
    this.launcher.setOpen(true);
    this.list.scrollToEnd();
    if (moveFocus) this.composer.focus();
    this.on.opened();
  }

  close(): void {
    if (!this.isOpen) return;
    this.dialog.hidden = true;
    this.root.classList.remove('anxin-root--open');
    this.launcher.setOpen(false);
    this.launcher.element.focus();
    this.on.closed();
  }

  setStrings(t: Strings, largeText: boolean): void {
    this.t = t;
    this.root.setAttribute('lang', t.lang);
    const title = this.title ?? t.defaultTitle;
    this.heading.textContent = title;
    this.dialog.setAttribute('aria-label', title);
    this.subtitle.textContent = t.subtitle;
    this.localeButton.textContent = t.switchLocale;
    this.localeButton.setAttribute('lang', t.lang === 'en' ? 'zh-CN' : 'en');
    this.localeButton.setAttribute('aria-label', t.switchLocaleLabel);
    this.closeButton.textContent = '×';
    this.closeButton.setAttribute('aria-label', t.close);
    this.personButton.textContent = t.talkToPerson;
    this.list.setLabel(t.transcriptLabel);
    this.launcher.setStrings(t);
    this.composer.setStrings(t);
    this.setLargeText(largeText);
  }

  setLargeText(on: boolean): void {
    this.root.classList.toggle('anxin-root--large', on);
    const mark = on ? 'A−' : 'A+';
    this.largeButton.textContent = mark;
    // The visible mark is part of the name (WCAG 2.5.3, label in name).
    this.largeButton.setAttribute('aria-label', `${this.t.largeTextLabel} ${mark}`);
    this.largeButton.setAttribute('aria-pressed', String(on));
  }

  showPrivacy(show: boolean): void {
    this.privacy.hidden = !show;
    this.privacy.replaceChildren();
    if (!show) return;
    this.privacy.append(
      el('p', {}, this.t.privacy),
      button('anxin-chip anxin-chip--quiet', this.t.privacyDismiss, () => {
        this.on.dismissPrivacy();
        this.composer.focus();
      }),
    );
  }

  /** The handoff or waiting line; undefined clears it. */
  setStatus(text: string | undefined): void {
    this.status.textContent = text ?? '';
  }

  /** A problem the customer must know about, with a retry button when `retry` is true. */
  setError(text: string | undefined, retry = false): void {
    this.error.replaceChildren();
    if (text === undefined) return;
    this.error.append(el('p', {}, text));
    if (retry) this.error.append(button('anxin-chip', this.t.retry, () => this.on.retry()));
  }
}
