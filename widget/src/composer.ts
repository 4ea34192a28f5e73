import { el } from './dom.js';
import type { Strings } from './i18n/strings.js';

const MAX_CHARS = 2000;

/**
 * The text box and its send button. Enter sends and Shift+Enter starts a new line; Enter that
 * confirms a Chinese input method's candidate does not send.
 */
export class Composer {
  readonly element: HTMLFormElement;
  readonly input: HTMLTextAreaElement;
  private readonly label: HTMLLabelElement;
  private readonly sendButton: HTMLButtonElement;

  constructor(onSend: (text: string) => void) {
    this.input = el('textarea', {
      id: 'anxin-input',
      class: 'anxin-input',
      rows: '1',
      maxlength: String(MAX_CHARS),
    });
    this.label = el('label', { class: 'anxin-sr', for: 'anxin-input' });
    this.sendButton = el('button', { class: 'anxin-send', type: 'submit' });
    this.element = el('form', { class: 'anxin-composer' }, this.label, this.input, this.sendButton);
    const submit = () => {
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      this.grow();
      onSend(text);
    };
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        submit();
      }
    });
    this.input.addEventListener('input', () => this.grow());
  }

  setStrings(t: Strings): void {
    this.label.textContent = t.inputLabel;
    this.input.placeholder = t.placeholder;
    this.sendButton.textContent = t.send;
  }

  focus(): void {
    this.input.focus();
  }

  private grow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, 140)}px`;
  }
}
