import type { Locale } from './types.js';

/** What the embedding page says in the widget's <script> tag. */
export type ScriptConfig = { api: string; css: string; locale: Locale; title: string | undefined };

/**
 * Read `data-api`, `data-locale` and `data-title` from the widget's own <script> tag; the CSS
 * lies beside the script. Must run while the script executes (document.currentScript).
 * @example <script src="https://bank.example/dist/widget.js" data-api="https://bank.example/api/v1" defer></script>
 */
export function readScriptConfig(script: HTMLScriptElement | null): ScriptConfig {
  const src = script?.src || `${document.baseURI}dist/widget.js`;
  const data = script?.dataset ?? {};
  const api = new URL(data.api || '/api/v1', document.baseURI).href.replace(/\/+$/, '');
  const locale: Locale = data.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  return { api, css: new URL('widget.css', src).href, locale, title: data.title?.trim() || undefined };
}
