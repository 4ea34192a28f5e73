// Bundles the agent console (console/src, console/console.css) into public/dist/console.js and
// console.css, loaded by public/console/index.html. Called by build-widget.mjs (so `npm start` and
// `npm run build:widget` build both); tests call buildConsole().
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONSOLE_BUDGET_BYTES = 30 * 1024;

/**
 * Build public/dist/console.js and console.css (minified); returns their sizes.
 * @example const { gzipBytes } = await buildConsole()
 */
export async function buildConsole({ outDir = path.join(root, 'public/dist') } = {}) {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, logLevel: 'warning', legalComments: 'none' };
  // The console runs on agents' laptops: current browsers only.
  const target = ['es2020', 'chrome100', 'safari15', 'firefox100', 'edge100'];
  await build({
    ...common,
    entryPoints: [path.join(root, 'console/src/main.ts')],
    outfile: path.join(outDir, 'console.js'),
    format: 'iife',
    target,
    tsconfig: path.join(root, 'console/tsconfig.json'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'console/console.css')],
    outfile: path.join(outDir, 'console.css'),
    target: target.slice(1),
  });
  const js = readFileSync(path.join(outDir, 'console.js'));
  const css = readFileSync(path.join(outDir, 'console.css'));
  const gzipBytes = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
  return {
    outDir,
    jsBytes: js.length,
    cssBytes: css.length,
    gzipBytes,
    withinBudget: gzipBytes <= CONSOLE_BUDGET_BYTES,
  };
}
