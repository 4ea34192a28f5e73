// Bundles the agent console (console/src, console/console.css) into public/dist/console.js and
// console.css, loaded by public/console/index.html. Called by build-widget.mjs (so `npm start` and
// `npm run build:widget` build both); tests call buildConsole().
import { bundle } from './bundle.mjs';

export const CONSOLE_BUDGET_BYTES = 30 * 1024;

/**
 * Build public/dist/console.js and console.css (minified); returns their sizes.
 * @example const { gzipBytes } = await buildConsole()
 */
export function buildConsole(options = {}) {
  // The console runs on agents' laptops: current browsers only.
  const target = ['es2020', 'chrome100', 'safari15', 'firefox100', 'edge100'];
  return bundle({ name: 'console', target, budgetBytes: CONSOLE_BUDGET_BYTES, ...options });
}
