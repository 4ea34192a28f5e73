import { el } from './dom.js';
import type { Strings } from './i18n/strings.js';
import { type MessageHandlers, renderMessage } from './messageView.js';
import type { ShownMessage } from './types.js';

/** What a message's element depends on: when it changes, the element is drawn again. */
function signature(m: ShownMessage, latest: boolean, t: Strings): string {
  return [t.lang, m.html, m.text, m.delivery, m.helpful, latest && m.suggestedActions.length].join('\u0000');
}

/**
 * The transcript, drawn from the widget's list of messages: only what changed is drawn again,
 * and focus stays on the same control when its message is redrawn.
 */
export class MessageList {
  readonly element: HTMLElement;
  private readonly typing = el('div', { class: 'anxin-typing', hidden: true });
  private readonly drawn = new Map<string, { node: HTMLElement; sig: string }>();

  constructor(
    private readonly on: MessageHandlers,
    label: string,
  ) {
    // Focusable so keyboard users can scroll it (it is a scrollable region).
    this.element = el('div', { class: 'anxin-list', tabindex: '0', role: 'region', 'aria-label': label });
    this.element.append(this.typing);
  }

  setLabel(label: string): void {
    this.element.setAttribute('aria-label', label);
  }

  /** Draw `messages` in order; returns true when one was added. */
  sync(messages: ShownMessage[], t: Strings): boolean {
    let added: HTMLElement | undefined;
    let count = 0;
    const keep = new Set(messages.map((m) => m.id));
    for (const [id, d] of this.drawn) {
      if (!keep.has(id)) {
        d.node.remove();
        this.drawn.delete(id);
      }
    }
    let previous: Element | null = null;
    messages.forEach((m, i) => {
      const latest = i === messages.length - 1 && m.role !== 'customer';
      const sig = signature(m, latest, t);
      const d = this.drawn.get(m.id);
      let node = d?.node;
      if (!d || d.sig !== sig) {
        node = renderMessage(m, t, this.on, latest);
        if (d) this.replace(d.node, node);
        else {
          added ??= node;
          count++;
        }
        this.drawn.set(m.id, { node, sig });
      }
      if (node && (node.parentNode !== this.element || node.previousElementSibling !== previous)) {
        if (previous) previous.after(node);
        else this.element.prepend(node);
      }
      previous = node ?? previous;
    });
    this.element.append(this.typing);
    // A restored transcript opens at its end; a new answer at its start.
    if (count > 3) this.scrollToEnd();
    else if (added) this.reveal(added);
    return added !== undefined;
  }

  /** Scroll to the end, unless that hides the start of what was added: a long answer is read from its top. */
  private reveal(first: HTMLElement): void {
    const list = this.element;
    // Keep the question in view above its answer.
    const before = first.previousElementSibling as HTMLElement | null;
    const from = before?.classList.contains('anxin-msg--customer') ? before : first;
    const top = from.offsetTop - 12;
    if (list.scrollHeight - top > list.clientHeight) list.scrollTop = top;
    else this.scrollToEnd();
  }

  private replace(old: HTMLElement, next: HTMLElement): void {
    const root = old.getRootNode() as ShadowRoot | Document;
    const active = root.activeElement as HTMLElement | null;
    const key = active && old.contains(active) ? focusKey(old, active) : undefined;
    old.replaceWith(next);
    if (key !== undefined) (next.querySelectorAll<HTMLElement>('button')[key] ?? this.element).focus();
  }

  /** Show or hide "… is replying"; it scrolls into view only when it appears. */
  setTyping(text: string | undefined): void {
    const appears = this.typing.hidden && text !== undefined;
    this.typing.replaceChildren();
    this.typing.hidden = text === undefined;
    if (text === undefined) return;
    this.typing.append(
      el('span', { class: 'anxin-dots', 'aria-hidden': 'true' }, el('i'), el('i'), el('i')),
      el('span', {}, text),
    );
    if (appears) this.scrollToEnd();
  }

  scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }
}

function focusKey(container: HTMLElement, active: HTMLElement): number | undefined {
  const i = Array.from(container.querySelectorAll('button')).indexOf(active as HTMLButtonElement);
  return i >= 0 ? i : undefined;
}
