// Bundles the web widget (widget/src, widget/widget.css) into public/dist/ and checks its size:
// at most 40 KB gzipped for the JS and the CSS together. `npm run build:widget`; tests call buildWidget().
// Run as a script, it also builds the agent console (build-console.mjs).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildConsole, CONSOLE_BUDGET_BYTES } from './build-console.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGET_BUDGET_BYTES = 40 * 1024;

/**
 * Build public/dist/widget.js and widget.css (minified); returns their sizes.
 * @example const { gzipBytes } = await buildWidget()
 */
export async function buildWidget({ outDir = path.join(root, 'public/dist') } = {}) {
  // esbuild is a dev dependency: imported here so a production install can still start (see below).
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: [path.join(root, 'widget/src/main.ts')],
    outfile: path.join(outDir, 'widget.js'),
    format: 'iife',
    target: ['es2020', 'chrome80', 'safari15', 'firefox80'],
    tsconfig: path.join(root, 'widget/tsconfig.json'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'widget/widget.css')],
    outfile: path.join(outDir, 'widget.css'),
    target: ['chrome80', 'safari15', 'firefox80'],
  });
  const js = readFileSync(path.join(outDir, 'widget.js'));
  const css = readFileSync(path.join(outDir, 'widget.css'));
  const gzipBytes = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
  return {
    outDir,
    jsBytes: js.length,
    cssBytes: css.length,
    gzipBytes,
    withinBudget: gzipBytes <= WIDGET_BUDGET_BYTES,
  };
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
  const { widget: r, console: c } = await buildOrKeep();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `widget: ${path.relative(root, r.outDir)}/widget.js ${kb(r.jsBytes)}, widget.css ${kb(r.cssBytes)}; ` +
      `${kb(r.gzipBytes)} gzipped together (budget ${kb(WIDGET_BUDGET_BYTES)})`,
  );
  console.log(
    `console: ${path.relative(root, c.outDir)}/console.js ${kb(c.jsBytes)}, console.css ${kb(c.cssBytes)}; ` +
      `${kb(c.gzipBytes)} gzipped together (budget ${kb(CONSOLE_BUDGET_BYTES)})`,
  );
  if (!r.withinBudget) {
    console.error(`widget: over the ${kb(WIDGET_BUDGET_BYTES)} gzipped budget`);
    process.exit(1);
  }
  if (!c.withinBudget) {
    console.error(`console: over the ${kb(CONSOLE_BUDGET_BYTES)} gzipped budget`);
    process.exit(1);
  }
}
