import { Api } from './api.js';
import { Chat } from './chat.js';
import { el } from './dom.js';
import { readScriptConfig } from './scriptConfig.js';

// Read while this script runs: document.currentScript is null afterwards.
const config = readScriptConfig(document.currentScript as HTMLScriptElement | null);

/**
 * Add the launcher to the page. Everything lives in one shadow root under `.anxin-host`, so the
 * bank page's CSS does not reach in and ours does not leak out.
 */
function mount(): void {
  if (document.querySelector('.anxin-host')) return;
  const host = el('div', { class: 'anxin-host' });
  // Hidden until the stylesheet is in, so an unstyled panel never flashes.
  host.style.display = 'none';
  const shadow = host.attachShadow({ mode: 'open' });
  const css = el('link', { rel: 'stylesheet', href: config.css });
  const show = () => host.style.removeProperty('display');
  css.addEventListener('load', show);
  css.addEventListener('error', show);
  const chat = new Chat(new Api(config.api), config.title, config.locale);
  shadow.append(css, chat.panel.root);
  document.body.append(host);
  chat.restoreOpen();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
