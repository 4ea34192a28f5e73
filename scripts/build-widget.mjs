// Bundles the web widget (widget/src, widget/widget.css) into public/dist/ and checks its size:
// at most 40 KB gzipped for the JS and the CSS together. `npm run build:widget`; tests call buildWidget().
// Run as a script, it also builds the agent console (build-console.mjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildConsole, CONSOLE_BUDGET_BYTES } from './build-console.mjs';
import { bundle, root } from './bundle.mjs';

export const WIDGET_BUDGET_BYTES = 40 * 1024;

/**
 * Build public/dist/widget.js and widget.css (minified); returns their sizes.
 * @example const { gzipBytes } = await buildWidget()
 */
export function buildWidget(options = {}) {
  const target = ['es2020', 'chrome80', 'safari15', 'firefox80'];
  return bundle({ name: 'widget', target, budgetBytes: WIDGET_BUDGET_BYTES, ...options });
}

async function buildOrKeep() {
  try {
    return { widget: await buildWidget(), console: await buildConsole() };
  } catch (err) {
    // `npm ci --omit=dev` has no esbuild: a bundle built earlier (in CI or an image build) is used as it is.
    const built = path.join(root, 'public/dist/widget.js');
    if (err?.code === 'ERR_MODULE_NOT_FOUND' && existsSync(built)) {
      console.log('widget: esbuild is not installed (dev dependency); keeping the existing public/dist/');
      process.exit(0);
    }
    if (err?.code === 'ERR_MODULE_NOT_FOUND') {
      console.error(
        'widget: esbuild is not installed; run `npm ci` (with dev dependencies) to build the widget',
      );
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const built = await buildOrKeep();
  const budgets = { widget: WIDGET_BUDGET_BYTES, console: CONSOLE_BUDGET_BYTES };
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, r] of Object.entries(built))
    console.log(
      `${name}: ${path.relative(root, r.outDir)}/${name}.js ${kb(r.jsBytes)}, ${name}.css ${kb(r.cssBytes)}; ` +
        `${kb(r.gzipBytes)} gzipped together (budget ${kb(budgets[name])})`,
    );
  for (const [name, r] of Object.entries(built))
    if (!r.withinBudget) {
      console.error(`${name}: over the ${kb(budgets[name])} gzipped budget`);
      process.exit(1);
    }
}
