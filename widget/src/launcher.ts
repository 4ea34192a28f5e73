import { el } from './dom.js';
import type { Strings } from './i18n/strings.js';
import { icon } from './icons.js';

/** The round button at the bottom right that opens and closes the chat panel. */
export class Launcher {
  readonly element: HTMLButtonElement;
  private readonly text = el('span', { class: 'anxin-launcher__text' });

  constructor(panelId: string, onToggle: () => void) {
    this.element = el(
      'button',
      { class: 'anxin-launcher', type: 'button', 'aria-controls': panelId, 'aria-expanded': 'false' },
      icon('chat'),
      this.text,
    );
    this.element.addEventListener('click', onToggle);
  }

  setStrings(t: Strings): void {
    this.text.textContent = t.launcher;
    this.element.setAttribute('aria-label', t.launcherLabel);
  }

  setOpen(open: boolean): void {
    this.element.setAttribute('aria-expanded', String(open));
  }
}
