import { el } from './dom.js';

/**
 * A polite live region: screen readers read what is put in it without moving focus. New messages
 * are announced here, once each, as "who: text".
 */
export class Announcer {
  readonly element = el('div', { class: 'anxin-sr', 'aria-live': 'polite', 'aria-atomic': 'false' });

  say(text: string): void {
    const line = el('p', {}, text);
    this.element.append(line);
    // Keep the region small; what was read once is not needed again.
    while (this.element.childElementCount > 3) this.element.firstElementChild?.remove();
  }
}
