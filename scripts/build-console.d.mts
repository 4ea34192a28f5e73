/** Sizes of one console build; `withinBudget` is false above 30 KB gzipped (JS and CSS together). */
export type ConsoleBuild = {
  outDir: string;
  jsBytes: number;
  cssBytes: number;
  gzipBytes: number;
  withinBudget: boolean;
};
export const CONSOLE_BUDGET_BYTES: number;
/** Build public/dist/console.js and console.css (minified). */
export function buildConsole(options?: { outDir?: string }): Promise<ConsoleBuild>;
