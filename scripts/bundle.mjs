// One front-end bundle (the widget or the console): its TypeScript and its CSS, minified into
// public/dist/<name>.js and <name>.css, with their gzipped size checked against a budget.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Build `<dir>/src/main.ts` and `<dir>/<name>.css` into `outDir`; returns their sizes.
 * @example await bundle({ name: 'widget', target: ['es2020', 'chrome80'], budgetBytes: 40 * 1024 })
 */
export async function bundle({ name, target, budgetBytes, outDir = path.join(root, 'public/dist') }) {
  // esbuild is a dev dependency: imported here so a production install can still start.
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: [path.join(root, name, 'src/main.ts')],
    outfile: path.join(outDir, `${name}.js`),
    format: 'iife',
    target,
    tsconfig: path.join(root, name, 'tsconfig.json'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, name, `${name}.css`)],
    outfile: path.join(outDir, `${name}.css`),
    // CSS takes browser targets only (no "es20xx").
    target: target.filter((t) => !t.startsWith('es')),
  });
  const js = readFileSync(path.join(outDir, `${name}.js`));
  const css = readFileSync(path.join(outDir, `${name}.css`));
  const gzipBytes = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
  return {
    outDir,
    jsBytes: js.length,
    cssBytes: css.length,
    gzipBytes,
    withinBudget: gzipBytes <= budgetBytes,
  };
}
