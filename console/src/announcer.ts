import { el } from '../../widget/src/dom.js';

/**
 * A polite live region: new customer messages and the results of actions are read out by screen
 * readers without moving focus. It stays in the page across re-renders so nothing is lost.
 */
export class Announcer {
  readonly element = el('div', { class: 'ac-sr', 'aria-live': 'polite', 'aria-atomic': 'false' });

  say(text: string): void {
    this.element.append(el('p', {}, text));
    while (this.element.childElementCount > 3) this.element.firstElementChild?.remove();
  }
}
